/**
 * The console modules this user may see, computed once by ConsoleLayout and read by pages that list
 * them (the home page). modules.tsx renders those pages, so a page importing modules.tsx would close
 * an import cycle; the type import below is erased.
 */
import { createContext, useContext } from 'react';
import type { ConsolePage } from '../console';

export const VisibleModules = createContext<readonly ConsolePage[]>([]);

export const useVisibleModules = () => useContext(VisibleModules);
