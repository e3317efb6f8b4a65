// How an audit action code (`case.read`, `htcds.import.committed`) finds its label in the web catalogues: its own
// label under audit.actions when the composed one reads badly, else "<record type>: <verb>" from audit.types and
// audit.verbs. Shared by the audit page and the test that every action the server writes has a label.

/** The catalogue keys that can label an action code: the whole-action key, and the type and verb keys to compose. */
export function auditActionKeys(code: string): { whole: string; type: string; verb: string } {
  const dot = code.indexOf('.');
  const prefix = dot < 0 ? code : code.slice(0, dot);
  const rest = dot < 0 ? '' : code.slice(dot + 1);
  return {
    whole: `audit.actions.${code.replaceAll('.', '_')}`,
    type: `audit.types.${prefix}`,
    verb: `audit.verbs.${rest.replaceAll('.', '_')}`,
  };
}
