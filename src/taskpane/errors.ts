/**
 * Turn anything thrown into a German message for the planner: what happened and what to do.
 * Known failure kinds are recognised by their name or message; everything else gets a general
 * message plus the technical detail (so support can help).
 */
export interface PaneError {
  title: string;
  message: string;
  detail?: string;
}

function text(err: unknown): { name: string; message: string; code: string } {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; message?: unknown; code?: unknown };
    return { name: String(e.name ?? ''), message: String(e.message ?? ''), code: String(e.code ?? '') };
  }
  return { name: '', message: String(err), code: '' };
}

export function describeError(err: unknown, action: string): PaneError {
  const { name, message, code } = text(err);
  if (name === 'OfficeRequirementError') {
    return { title: 'Excel-Version zu alt', message };
  }
  if (name === 'StaleInputError') {
    return { title: 'Daten seit dem Planen geändert', message };
  }
  if (name === 'PublishRefusedError') {
    return { title: 'Nicht veröffentlicht', message };
  }
  if (name === 'WorkbookReadError') {
    return { title: 'Datei nicht lesbar', message: `${message} Bitte eine Excel-Arbeitsmappe (.xlsx) wählen.` };
  }
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') {
    return {
      title: 'Datenmenge zu groß für Excel im Web',
      message:
        'Excel im Web hat die Datenmenge abgelehnt. Bitte die Arbeitsmappe in Excel für den Desktop öffnen und dort erneut versuchen.',
      detail: message,
    };
  }
  if (code === 'InvalidOperationInCellEditMode' || /cell edit mode|Zellbearbeitungsmodus/i.test(message)) {
    return {
      title: 'Excel ist im Bearbeitungsmodus',
      message:
        'Eine Zelle wird gerade bearbeitet. Bitte die Eingabe mit der Eingabetaste abschließen und erneut versuchen.',
    };
  }
  if (code === 'AccessDenied' || /protect|geschützt/i.test(message)) {
    return {
      title: 'Arbeitsmappe geschützt',
      message: 'Excel hat das Schreiben verweigert. Bitte den Blatt- bzw. Mappenschutz aufheben und erneut versuchen.',
      detail: message,
    };
  }
  if (name === 'SolverUnavailableError' || /WebAssembly/i.test(message)) {
    return {
      title: 'Optimierung nicht verfügbar',
      message:
        'Diese Excel-Version kann den Optimierer nicht ausführen. Bitte „regelbasiert“ planen; das Ergebnis ist vollständig und begründet.',
      detail: message,
    };
  }
  return {
    title: `${action} fehlgeschlagen`,
    message:
      'Bitte erneut versuchen. Tritt der Fehler wieder auf, die Arbeitsmappe speichern, den Aufgabenbereich schließen und neu öffnen; hilft das nicht, die technische Angabe an den Support geben.',
    detail: message || name || code || undefined,
  };
}
