'use client';
import { createContext, useContext, type ReactNode } from 'react';

// Agent id → title, rendered by the page's server shell from the agent registry
// (lib/server/agents/registry.ts), so the console names exactly the agents that exist.
const AgentNames = createContext<Record<string, string>>({});

export function AgentNamesProvider({ names, children }: { names: Record<string, string>; children: ReactNode }) {
  return <AgentNames.Provider value={names}>{children}</AgentNames.Provider>;
}

/** Every agent, id → title, in registry order. */
export const useAgentNames = () => useContext(AgentNames);

/** An agent's title; its id for an agent no longer registered (old decision records). */
export function useAgentName(): (agentId: string) => string {
  const names = useContext(AgentNames);
  return (agentId) => names[agentId] ?? agentId;
}
