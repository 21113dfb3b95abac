export { FlowEditorCanvas } from './FlowEditorCanvas.tsx';
export { Palette } from './Palette.tsx';
