import { ControlButton, Controls, MiniMap } from '@xyflow/react';
import { isBoolean, useStoredState } from '../app/use-stored-state.ts';
import { useT } from '../i18n/index.ts';
import { nodeEditor } from '../nodes/index.ts';
import { messages } from './messages.ts';
import type { CanvasNode } from './types.ts';

/** Small enough to leave the cards of a 1280×800 editor in view; placement keeps new cards clear of it (visible-area.ts). */
const MINIMAP_SIZE = { width: 160, height: 110 };
/** Whether the minimap is hidden, remembered across visits. */
const HIDDEN_KEY = 'charla.minimap.hidden';
const minimapColor = (node: CanvasNode) => nodeEditor(node.type ?? 'message').color;

/** The zoom controls, with a button that hides or shows the minimap (`canvas-minimap-toggle`), and the minimap. */
export function CanvasMinimap() {
  const t = useT(messages);
  const [hidden, setHidden] = useStoredState('local', HIDDEN_KEY, false, isBoolean);
  const label = hidden ? t('showMinimap') : t('hideMinimap');
  return (
    <>
      {!hidden && <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} style={MINIMAP_SIZE} />}
      <Controls showInteractive={false} fitViewOptions={{ maxZoom: 1, duration: 300 }}>
        <ControlButton data-testid="canvas-minimap-toggle" title={label} aria-label={label} aria-pressed={!hidden}
          onClick={() => setHidden(!hidden)}>
          <span aria-hidden="true">{hidden ? '▣' : '▢'}</span>
        </ControlButton>
      </Controls>
    </>
  );
}
