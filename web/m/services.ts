/**
 * The services the home page's 服务 grid offers: every tab of tabs.ts with a `homeCard`. TabsLayout
 * provides them (HomePage cannot import tabs.ts, which imports the home tab).
 */
import { createContext, useContext } from 'react';
import type { ResidentTab } from './tab';

export const ServicesContext = createContext<readonly ResidentTab[]>([]);

export function useServices(): readonly ResidentTab[] {
  return useContext(ServicesContext);
}
