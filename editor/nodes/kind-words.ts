import { nodeKindName, nodeKindOutputName, type NodeKind } from '../../schema/index.ts';
import { useLocale } from '../i18n/index.ts';

/** A kind's name in the UI's language («Menú»), from its manifest: palette, card header, inspector. */
export function useKindName(): (kind: NodeKind) => string {
  const locale = useLocale((state) => state.locale);
  return (kind) => nodeKindName(kind, locale);
}

/** How the canvas labels one of a kind's own outputs («Respuesta inválida»); undefined for an item's output. */
export function useOutputName(): (kind: NodeKind, output: string) => string | undefined {
  const locale = useLocale((state) => state.locale);
  return (kind, output) => nodeKindOutputName(kind, output, locale);
}
