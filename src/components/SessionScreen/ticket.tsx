/**
 * The session's label and a note per step, typed for the ticket and saved as the user pauses or leaves a
 * field. Each save adds only what was typed onto the stored session, read and written in one transaction, so
 * steps another tab takes meanwhile are kept, and the revision is left as it was: a note is not a step that
 * tabs could conflict on.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FlowMap } from '../../flow/engine.ts';
import { findNode } from '../../flow/engine.ts';
import type { Language } from '../../flow/constants.ts';
import { useT } from '../../i18n/index.ts';
import { LABEL_MAX, NOTE_MAX, readNotes } from '../../session/record.ts';
import type { SessionRecord } from '../../session/record.ts';
import { updateSession } from '../../storage/index.ts';

/** What the user typed since the screen opened: a label (when touched) and notes by step index. */
export interface TicketEdits {
  label?: string;
  notes: Record<number, string>;
}

// How long typing must pause before a save.
const PAUSE_MS = 800;

/** The record with the user's edits on top; empty texts and notes of steps the trail lacks are left out. */
export function withEdits(record: SessionRecord, edits: TicketEdits): SessionRecord {
  const { label: _label, notes: _notes, ...rest } = record;
  const label = edits.label ?? record.label;
  // The record's own rules: what readNotes would not read back is not kept.
  const notes = readNotes({ ...record.notes, ...edits.notes }, record.state.trail.length);
  return { ...rest, ...(label?.trim() ? { label } : {}), ...(notes ? { notes } : {}) };
}

/** Keeps the edits on screen and saves them after a pause, on leaving a field, and when the page goes. */
export function useTicketEdits(id: string): {
  edits: TicketEdits;
  edit: (change: { label: string } | { step: number; note: string }) => void;
  flush: () => void;
  saved: boolean;
} {
  const [edits, setEdits] = useState<TicketEdits>({ notes: {} });
  const [saved, setSaved] = useState(false);
  // Edits not saved yet; saves run one after another, so a later one never lands first.
  const unsaved = useRef<TicketEdits | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const live = useRef(true);
  // Counts edits: "Saved" shows only when the save that landed holds the latest one.
  const editCount = useRef(0);

  // One function per session id, so the page-hide listener below is the one that saves this session.
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const these = unsaved.current;
    if (!these) return;
    unsaved.current = undefined;
    const upTo = editCount.current;
    queue.current = queue.current.then(async () => {
      // Onto what is stored, in one step: the label and notes do not count as a step, and a step another
      // tab saves meanwhile is kept. A session deleted meanwhile has nothing to add a note to.
      const result = await updateSession(id, (stored) => withEdits(stored, these));
      if (live.current && result === 'saved' && upTo === editCount.current) setSaved(true);
    });
  }, [id]);

  const edit = (change: { label: string } | { step: number; note: string }) => {
    const merge = (e: TicketEdits | undefined): TicketEdits => {
      const base = e ?? { notes: {} };
      return 'label' in change
        ? { ...base, label: change.label }
        : { ...base, notes: { ...base.notes, [change.step]: change.note } };
    };
    unsaved.current = merge(unsaved.current);
    editCount.current++;
    setEdits(merge);
    setSaved(false);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, PAUSE_MS);
  };

  useEffect(() => {
    live.current = true;
    addEventListener('pagehide', flush);
    return () => {
      live.current = false;
      removeEventListener('pagehide', flush);
      flush(); // leaving the screen saves what was typed last
    };
  }, [flush]);

  return { edits, edit, flush, saved };
}

/** The label field and a note field per step, full width, each saved as the user goes. */
export function TicketFields({
  record,
  flows,
  lang,
  ticket,
}: {
  record: SessionRecord;
  flows: FlowMap;
  lang: Language;
  ticket: ReturnType<typeof useTicketEdits>;
}) {
  const { t } = useT();
  const { edits, edit, flush, saved } = ticket;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;
  const question = (flow: string, node: string) => {
    const n = Object.hasOwn(flows, flow) ? findNode(flows[flow]!, node) : undefined;
    return n && n.kind !== 'link' ? n.text[lang] : `${flow} / ${node}`;
  };

  return (
    <fieldset class="ticket">
      <legend>{t('transcript.notesHeading')}</legend>
      <label for="session-label">{t('transcript.labelField')}</label>
      <input
        id="session-label"
        class="field ticket-field"
        type="text"
        maxLength={LABEL_MAX}
        autoComplete="off"
        value={edits.label ?? record.label ?? ''}
        onInput={(e) => edit({ label: value(e) })}
        onBlur={flush}
      />
      <ol class="ticket-steps">
        {record.state.trail.map((step, i) => (
          <li key={i}>
            <label for={`note-${i}`}>{t('transcript.noteFor', { n: i + 1 })}</label>
            <span class="hint ticket-question" id={`note-${i}-step`}>
              {question(step.flow, step.node)}
            </span>
            <textarea
              id={`note-${i}`}
              class="field ticket-field"
              rows={2}
              maxLength={NOTE_MAX}
              autoComplete="off"
              aria-describedby={`note-${i}-step`}
              value={edits.notes[i] ?? record.notes?.[i] ?? ''}
              onInput={(e) => edit({ step: i, note: value(e) })}
              onBlur={flush}
            />
          </li>
        ))}
      </ol>
      <p class="hint">{saved ? t('transcript.saved') : ''}</p>
    </fieldset>
  );
}
