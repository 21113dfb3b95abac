import type { AriaLabelConfig } from '@xyflow/react';
import type { Translate } from '../i18n/index.ts';
import type { messages } from './messages.ts';

/** React Flow's own screen-reader texts (controls, minimap, handles, keyboard help), in the UI language. */
export function ariaLabels(t: Translate<typeof messages.es>): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('nodeHelp'),
    'node.a11yDescription.ariaLiveMessage': ({ x, y }) => t('nodeMoved', { x: Math.round(x), y: Math.round(y) }),
    'edge.a11yDescription.default': t('edgeHelp'),
    'controls.ariaLabel': t('controls'),
    'controls.zoomIn.ariaLabel': t('zoomIn'),
    'controls.zoomOut.ariaLabel': t('zoomOut'),
    'controls.fitView.ariaLabel': t('fitView'),
    'controls.interactive.ariaLabel': t('interactive'),
    'minimap.ariaLabel': t('minimap'),
    'handle.ariaLabel': t('handle'),
  };
}
