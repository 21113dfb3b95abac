import type { ReactNode } from 'react';
import { useEditorStore } from '../store/index.ts';
import { FlowSettingsPanel } from './FlowSettingsPanel.tsx';

/** The inspector's place: the flow settings while they are open, else `children` (the node inspector). */
export function FlowSettingsSlot({ children }: { children: ReactNode }) {
  const open = useEditorStore((state) => state.settingsOpen);
  return open ? <FlowSettingsPanel /> : children;
}
