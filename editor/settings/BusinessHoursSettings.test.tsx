// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import type { FlowDocument } from '../../schema/index.ts';
import { isWithinBusinessHours } from '../../runtime/core/business-hours.ts';
import { useLocale } from '../i18n/index.ts';
import { renderSettingsEditor } from './render-settings.tsx';
import { hoursSummary } from './hours-summary.ts';
import { parseTimeOfDay } from './BusinessHoursSettings.tsx';
import { hoursMessages } from './hours-messages.ts';
import { translate } from '../i18n/index.ts';

// Monday 2026-03-02 12:00 UTC is 09:00 in Buenos Aires (UTC−3).
const MONDAY_9_BA = Date.UTC(2026, 2, 2, 12);
const HOUR = 3_600_000;

afterEach(() => { cleanup(); vi.useRealTimers(); });
beforeEach(() => {
  useLocale.getState().setLocale('es');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(MONDAY_9_BA);
});

const baseFlow: FlowDocument = {
  schemaVersion: 1, id: 'pedidos', name: 'Pedidos', startNodeId: 'hola',
  nodes: [{ id: 'hola', type: 'message', position: { x: 0, y: 0 }, data: { text: 'Hola' } }],
  edges: [],
};

function renderSettings(settings: FlowDocument['settings'] = {}) {
  const store = renderSettingsEditor({ ...baseFlow, settings });
  fireEvent.click(screen.getByTestId('toggle-settings'));
  return store;
}
const field = (path: string) => screen.getByTestId(`field-settings.${path}`) as HTMLInputElement;
const hoursOf = (store: ReturnType<typeof renderSettings>) => store.getState().document.settings?.businessHours;
const summary = () => screen.getByTestId('hours-summary').textContent;

describe('business hours in the flow settings', () => {
  it('switching them on writes Monday to Friday 9 to 18, in the browser’s zone when none is set', () => {
    const store = renderSettings();
    expect(screen.queryByTestId('hours-summary')).toBeNull();
    expect(field('timeZone').placeholder).toBe('UTC (por defecto)');
    fireEvent.click(field('businessHours'));
    const nineToSix = [{ from: '09:00', to: '18:00' }];
    expect(hoursOf(store)).toEqual({ weekly: { monday: nineToSix, tuesday: nineToSix, wednesday: nineToSix, thursday: nineToSix, friday: nineToSix } });
    expect(store.getState().document.settings?.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(screen.getByTestId('hours-day-saturday').textContent).toContain('Cerrado');
    fireEvent.click(field('businessHours'));
    expect(hoursOf(store)).toBeUndefined();
  });

  it('says whether the flow is open now and when that changes, as the runtime reads the hours', () => {
    renderSettings({ timeZone: 'America/Argentina/Buenos_Aires', businessHours: { weekly: { monday: [{ from: '09:00', to: '13:00' }, { from: '14:00', to: '18:00' }] } } });
    expect(summary()).toBe('Abierto ahora · cierra a las 13:00');
    expect(screen.getByTestId('hours-summary').title).toBe('Ahora son las 9:00 del lunes en America/Argentina/Buenos_Aires.');
    expect(screen.getByTestId('time-zone-offset').textContent).toBe('UTC−03:00');
    cleanup();

    vi.setSystemTime(MONDAY_9_BA + 10 * HOUR);
    renderSettings({ timeZone: 'America/Argentina/Buenos_Aires', businessHours: { weekly: { monday: [{ from: '09:00', to: '18:00' }] }, holidays: ['2026-03-09'] } });
    // Monday 19:00; next Monday is a holiday, so the one after.
    expect(summary()).toBe('Cerrado · abre el lunes, 16 de marzo a las 9:00');
  });

  it('the summary agrees with isWithinBusinessHours hour by hour over a week, in es, pt and en', () => {
    const settings = { timeZone: 'Europe/Madrid', businessHours: { weekly: { monday: [{ from: '09:00', to: '14:00' }], saturday: [{ from: '10:00', to: '24:00' }], sunday: [{ from: '00:00', to: '02:00' }] }, holidays: ['2026-03-03'] } };
    for (let at = MONDAY_9_BA; at < MONDAY_9_BA + 7 * 24 * HOUR; at += HOUR) {
      const open = isWithinBusinessHours(settings, at);
      expect(hoursSummary(settings, at, 'es', translate(hoursMessages, 'es')).startsWith(open ? 'Abierto ahora' : 'Cerrado')).toBe(true);
    }
    const saturdayNight = Date.UTC(2026, 2, 7, 22);
    expect(hoursSummary(settings, saturdayNight, 'es', translate(hoursMessages, 'es'))).toBe('Abierto ahora · cierra mañana a las 2:00');
    expect(hoursSummary(settings, saturdayNight, 'pt', translate(hoursMessages, 'pt'))).toBe('Aberto agora · fecha amanhã às 2:00');
    expect(hoursSummary(settings, MONDAY_9_BA + 6 * HOUR, 'en', translate(hoursMessages, 'en'))).toBe('Closed · opens on Saturday at 10:00');
    expect(hoursSummary({ ...settings, timeZone: 'Mars/Olympus' }, MONDAY_9_BA, 'es', translate(hoursMessages, 'es'))).toBe('Elegí una zona horaria conocida para saber si está abierto.');
  });

  it('reads typed times of day on a 24-hour clock', () => {
    expect(['9', '09', '930', '9:30', '18.45', '24', '24:00', '0'].map(parseTimeOfDay)).toEqual(['09:00', '09:00', '09:30', '09:30', '18:45', '24:00', '24:00', '00:00']);
    expect(['25', '24:30', '9:60', 'nueve', '', '12345'].map(parseTimeOfDay)).toEqual([null, null, null, null, null, null]);
  });

  it('edits the week: open a day, add an interval, close at midnight, copy to Monday–Friday', () => {
    const store = renderSettings({ timeZone: 'UTC', businessHours: { weekly: { monday: [{ from: '09:00', to: '13:00' }] } } });
    fireEvent.click(screen.getByTestId('list-settings.businessHours.weekly.monday-add'));
    expect(hoursOf(store)?.weekly.monday).toEqual([{ from: '09:00', to: '13:00' }, { from: '14:00', to: '18:00' }]);
    fireEvent.change(field('businessHours.weekly.monday.1.to'), { target: { value: '24' } });
    fireEvent.blur(field('businessHours.weekly.monday.1.to'));
    expect(hoursOf(store)?.weekly.monday?.[1]).toEqual({ from: '14:00', to: '24:00' });
    expect(field('businessHours.weekly.monday.1.to').value).toBe('24:00');
    // What is not a time of day goes back to the value.
    fireEvent.change(field('businessHours.weekly.monday.1.from'), { target: { value: '25:00' } });
    fireEvent.blur(field('businessHours.weekly.monday.1.from'));
    expect(field('businessHours.weekly.monday.1.from').value).toBe('14:00');
    fireEvent.change(field('businessHours.weekly.monday.1.from'), { target: { value: '1430' } });
    fireEvent.keyDown(field('businessHours.weekly.monday.1.from'), { key: 'Enter' });
    expect(hoursOf(store)?.weekly.monday?.[1]).toEqual({ from: '14:30', to: '24:00' });
    fireEvent.click(screen.getByTestId('hours-copy-monday'));
    const week = hoursOf(store)!.weekly;
    expect(week.friday).toEqual(week.monday);
    expect(week.saturday).toBeUndefined();
    fireEvent.click(field('businessHours.weekly.saturday'));
    expect(hoursOf(store)?.weekly.saturday).toEqual([{ from: '09:00', to: '18:00' }]);
    fireEvent.click(screen.getByTestId('list-settings.businessHours.weekly.monday.0-remove'));
    fireEvent.click(screen.getByTestId('list-settings.businessHours.weekly.monday.0-remove'));
    expect(hoursOf(store)?.weekly.monday).toBeUndefined();
    expect(screen.getByTestId('hours-day-monday').textContent).toContain('Cerrado');
  });

  it('an overlapping or empty interval is a problem at the interval: shown under it, and a click in the panel focuses it', () => {
    renderSettings({ timeZone: 'UTC', businessHours: { weekly: { tuesday: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '18:00' }, { from: '20:00', to: '19:00' }] } } });
    expect(screen.getByTestId('hours-problem-tuesday-1').textContent).toBe('El horario 12:00–18:00 se superpone con 09:00–13:00 del mismo día; juntalos en uno o separalos.');
    expect(screen.getByTestId('hours-problem-tuesday-2').textContent).toContain('cierra antes de abrir');
    fireEvent.click(screen.getByTestId('settings-close'));
    fireEvent.click(screen.getByTestId('problem-hours_intervals_overlap'));
    expect(document.activeElement).toBe(field('businessHours.weekly.tuesday.1.from'));
  });

  it('holidays: add (today in the flow’s zone), change and remove', () => {
    const store = renderSettings({ timeZone: 'Asia/Tokyo', businessHours: { weekly: {} } });
    expect(screen.getByTestId('list-settings.businessHours.holidays').textContent).toContain('No hay feriados.');
    fireEvent.click(screen.getByTestId('list-settings.businessHours.holidays-add'));
    expect(hoursOf(store)?.holidays).toEqual(['2026-03-02']);
    fireEvent.change(field('businessHours.holidays.0'), { target: { value: '2026-12-25' } });
    expect(hoursOf(store)?.holidays).toEqual(['2026-12-25']);
    expect(summary()).toBe('Cerrado · no abre ningún día');
    fireEvent.click(screen.getByTestId('list-settings.businessHours.holidays-0-remove'));
    expect(hoursOf(store)).toEqual({ weekly: {} });
  });

  it('the time zone is searched by name, shown with its offset, and only a zone from the list is written', () => {
    const store = renderSettings({ businessHours: { weekly: {} } });
    const input = field('timeZone');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'buenos aires' } });
    const option = screen.getByTestId('time-zone-list').querySelector('[role=option]')!;
    expect(option.textContent).toMatch(/Buenos Aires.*UTC−03:00/);
    fireEvent.click(option);
    expect(store.getState().document.settings?.timeZone).toMatch(/Buenos_Aires$/);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'Narnia/Capital' } });
    expect(screen.getByTestId('time-zone-list').textContent).toBe('Ninguna zona coincide.');
    fireEvent.blur(input);
    expect(store.getState().document.settings?.timeZone).toMatch(/Buenos_Aires$/);
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: 'europe/madrid' } });
    fireEvent.blur(input);
    expect(store.getState().document.settings?.timeZone).toBe('Europe/Madrid');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(store.getState().document.settings?.timeZone).toBeUndefined();
  });

  it('an unknown zone (an imported flow) is a problem that opens the settings on the zone', () => {
    renderSettings({ timeZone: 'Mars/Olympus', businessHours: { weekly: { monday: [{ from: '09:00', to: '18:00' }] } } });
    expect(summary()).toBe('Elegí una zona horaria conocida para saber si está abierto.');
    expect(field('timeZone').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByTestId('settings-close'));
    fireEvent.click(screen.getByTestId('problem-unknown_time_zone'));
    expect(document.activeElement).toBe(field('timeZone'));
    act(() => useLocale.getState().setLocale('en'));
    expect(summary()).toBe('Pick a known time zone to see whether it is open.');
  });
});
