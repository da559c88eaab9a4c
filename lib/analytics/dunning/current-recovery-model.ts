import { loadRecoveryModel, type RecoveryModel } from './recovery-model';
import fitted from './recovery-model.v1.json';

// The model the agent decides with. A refit writes a new version file; switching is this import.
export const RECOVERY_MODEL: RecoveryModel = loadRecoveryModel(fitted);
