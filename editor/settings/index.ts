export { FlowSettingsPanel } from './FlowSettingsPanel.tsx';
export { FlowSettingsSlot } from './FlowSettingsSlot.tsx';
export { FlowSettingsButton } from './FlowSettingsButton.tsx';
