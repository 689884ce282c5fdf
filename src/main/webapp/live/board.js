// The live board: reads the public Live API, stays current through /live/stream (the browser's EventSource
// resends Last-Event-ID when it reconnects, so Pulse replays what was missed), and lets signed-in hackers,
// mentors and organisers act through the same API.
import { api, ApiProblem, claims, el, formValues, say, show, url } from './http.js';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'pulse.live.session';
const PLATFORM_ADMIN = 'platform_admin';

let session = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null');
let times = {};
let events = [];

// ---- reading the Live API ------------------------------------------------------------------------------

const authHeaders = () => (session ? { 'X-MenloHacks-Authorization': session.token } : {});

async function live(path, options = {}) {
  try {
    const answer = await api(path, { ...options, headers: { ...authHeaders(), ...(options.headers ?? {}) } });
    return answer.data;
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401 && session) {
      signOut('Your session has ended. Sign in again.');
    }
    throw e;
  }
}

const shown = new Map();

/** Whether a list differs from what is on the screen: an unchanged list is not redrawn under the user's pointer. */
function changed(list, data) {
  const text = JSON.stringify(data);
  if (shown.get(list) === text) return false;
  shown.set(list, text);
  return true;
}

/** The Live API writes UTC times without a zone. */
function liveTime(text) {
  if (!text) return null;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

const timeOfDay = (date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const dayName = (date) => date.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long' });
const moment = (date) => `${dayName(date)}, ${timeOfDay(date)}`;

// ---- countdown -----------------------------------------------------------------------------------------

const MILESTONES = [
  ['event_start_time', 'The event starts'],
  ['hacking_start_time', 'Hacking starts'],
  ['hacking_end_time', 'Hacking ends'],
  ['event_end_time', 'The event ends'],
];

function tick() {
  const now = Date.now();
  const upcoming = MILESTONES
    .map(([key, label]) => [liveTime(times[key]), label])
    .filter(([at]) => at && at.getTime() > now)
    .sort((a, b) => a[0] - b[0])[0];
  if (!upcoming) {
    const anySet = MILESTONES.some(([key]) => times[key]);
    $('countdown-label').textContent = anySet ? 'The event has ended.' : 'The organisers have not set the event times yet.';
    $('countdown').textContent = '';
    return;
  }
  const [at, label] = upcoming;
  let seconds = Math.floor((at.getTime() - now) / 1000);
  const days = Math.floor(seconds / 86400);
  seconds -= days * 86400;
  const pad = (n) => String(n).padStart(2, '0');
  $('countdown-label').textContent = `${label} ${moment(at)}, in:`;
  $('countdown').textContent = `${days > 0 ? `${days}d ` : ''}${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

async function loadTimes() {
  try {
    times = (await live('/live/times')) ?? {};
  } catch (e) {
    times = {};
    $('countdown-label').textContent = `The event's times could not be read: ${e.message}`;
    return;
  }
  tick();
}

// ---- announcements, schedule, maps -----------------------------------------------------------------------

async function loadAnnouncements() {
  const list = $('announcements');
  try {
    const announcements = await live('/live/announcements');
    if (!changed(list, announcements)) return;
    show(list, announcements.length === 0
      ? el('li', { class: 'empty' }, 'No announcements yet.')
      : announcements.map((a) => el('li', { dataset: { id: a.id } },
        el('p', {}, a.message), el('small', { class: 'muted' }, el('time', { datetime: liveTime(a.time).toISOString() }, moment(liveTime(a.time)))))));
  } catch (e) {
    shown.delete(list);
    show(list, el('li', { class: 'error' }, `Announcements could not be read: ${e.message}`));
  }
}

async function loadEvents() {
  const container = $('schedule');
  try {
    events = await live('/live/events');
  } catch (e) {
    show(container, el('p', { class: 'error' }, `The schedule could not be read: ${e.message}`));
    return;
  }
  renderSchedule();
  listEventChoices();
}

function renderSchedule() {
  const container = $('schedule');
  if (events.length === 0) {
    show(container, el('p', { class: 'empty' }, 'No events are scheduled yet.'));
    return;
  }
  const now = Date.now();
  const next = events.find((e) => liveTime(e.start_time).getTime() > now);
  const days = new Map();
  for (const event of events) {
    const day = dayName(liveTime(event.start_time));
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(event);
  }
  show(container, [...days].map(([day, list]) => el('div', {},
    el('h3', {}, day),
    el('ul', { class: 'plain' }, list.map((event) => {
      const start = liveTime(event.start_time);
      const end = liveTime(event.end_time);
      const isNow = start.getTime() <= now && now < end.getTime();
      const isNext = event === next;
      return el('li', { class: isNow ? 'now' : isNext ? 'next' : null, dataset: { id: event.id } },
        isNow ? el('span', { class: 'badge now' }, 'Now') : null,
        isNext ? el('span', { class: 'badge next' }, 'Next') : null,
        el('strong', {}, event.short_description),
        el('div', { class: 'muted' }, `${timeOfDay(start)}–${timeOfDay(end)} · ${event.location?.name ?? ''}`),
        event.long_description ? el('p', {}, event.long_description) : null);
    })))));
}

async function loadMaps() {
  const container = $('maps');
  try {
    const maps = await live('/live/maps');
    // the image's path on this server: PULSE_PUBLIC_URL may name another host than the one the board came from
    show(container, maps.length === 0
      ? el('p', { class: 'empty' }, 'No maps have been uploaded yet.')
      : maps.map((m) => el('figure', {}, el('img', { src: new URL(m.map).pathname, alt: `Map: ${m.name}`, loading: 'lazy' }),
        el('figcaption', {}, m.name))));
  } catch (e) {
    show(container, el('p', { class: 'error' }, `The maps could not be read: ${e.message}`));
  }
}

// ---- mentorship ----------------------------------------------------------------------------------------

function ticketLine(ticket, ...actions) {
  return el('li', { dataset: { ticket: ticket.id } },
    el('strong', {}, ticket.description),
    el('div', { class: 'muted' }, `${ticket.location} · ${ticket.contact} · asked ${timeOfDay(liveTime(ticket.time_created))}`),
    actions.length ? el('div', { class: 'row' }, actions) : null);
}

function action(label, verb, ticket, status) {
  return el('button', {
    type: 'button', class: 'secondary', 'aria-label': `${label}: ${ticket.description}`,
    onclick: async (event) => {
      event.currentTarget.disabled = true;
      try {
        await live(`/live/mentorship/${verb}`, { method: 'POST', body: { id: ticket.id } });
        say(status, `${label}: done.`);
      } catch (e) {
        say(status, e.message, true);
      }
      await loadMentorship();
    },
  }, label);
}

async function loadQueue() {
  const list = $('queue');
  try {
    const tickets = await live('/live/mentorship/queue');
    if (!changed(list, [tickets, Boolean(session)])) return;
    show(list, tickets.length === 0
      ? el('li', { class: 'empty' }, 'Nobody is waiting for help.')
      : tickets.map((t) => ticketLine(t, ...(session && !t.is_mine ? [action('Claim', 'claim', t, $('queue-status'))] : []))));
  } catch (e) {
    shown.delete(list);
    show(list, el('li', { class: 'error' }, `The queue could not be read: ${e.message}`));
  }
}

const STATES = { open: 'Waiting', in_progress: 'Being helped', expired: 'Expired', closed: 'Closed' };

async function loadMine() {
  if (!session) return;
  const list = $('my-tickets');
  try {
    const mine = await live('/live/mentorship/user/queue');
    if (!changed(list, mine)) return;
    const lines = [];
    for (const state of Object.keys(STATES)) {
      for (const t of mine.tickets[state] ?? []) {
        const actions = state === 'open' || state === 'in_progress'
          ? [action('Close', 'close', t, $('ticket-status'))] : [action('Reopen', 'reopen', t, $('ticket-status'))];
        const line = ticketLine(t, ...actions);
        line.dataset.state = state;
        line.prepend(el('span', { class: 'badge state' }, STATES[state]));
        lines.push(line);
      }
    }
    show(list, lines.length ? lines : el('li', { class: 'empty' }, 'You have not asked for help yet.'));
  } catch (e) {
    shown.delete(list);
    show(list, el('li', { class: 'error' }, `Your tickets could not be read: ${e.message}`));
  }
}

async function loadClaimed() {
  if (!session) return;
  const list = $('claimed-tickets');
  try {
    const claimed = await live('/live/mentorship/user/claimed');
    if (!changed(list, claimed)) return;
    show(list, claimed.length === 0
      ? el('li', { class: 'empty' }, 'Claim a ticket from the queue to help someone.')
      : claimed.map((t) => ticketLine(t, action('Close', 'close', t, $('mentor-status')),
        action('Put back in the queue', 'reopen', t, $('mentor-status')))));
  } catch (e) {
    shown.delete(list);
    show(list, el('li', { class: 'error' }, `Your claimed tickets could not be read: ${e.message}`));
  }
}

const loadMentorship = () => Promise.all([loadQueue(), loadMine(), loadClaimed()]);

// ---- signing in and what signed-in people do --------------------------------------------------------------

function showSession() {
  const signedIn = Boolean(session);
  $('sign-in-panel').hidden = signedIn;
  $('help-panel').hidden = !signedIn;
  $('mentor-panel').hidden = !signedIn;
  $('organiser-panel').hidden = !(signedIn && session.admin);
  $('signed-in-as').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('signed-in-as').textContent = signedIn ? `Signed in as ${session.name} ` : '';
}

function startSession(token, name) {
  session = { token, name, admin: (claims(token).groups ?? []).includes(PLATFORM_ADMIN) };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
  showSession();
  loadMentorship();
}

function signOut(message) {
  session = null;
  sessionStorage.removeItem(TOKEN_KEY);
  showSession();
  say($('sign-in-status'), message ?? 'Signed out.');
  loadQueue();
}

function onSubmit(form, status, handler) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    say(status, '');
    try {
      await handler(formValues(form));
    } catch (e) {
      say(status, e.message, true);
    } finally {
      button.disabled = false;
    }
  });
}

onSubmit($('sign-in-form'), $('sign-in-status'), async (values) => {
  const answer = await live('/live/user/login', { method: 'POST', body: values });
  $('sign-in-form').reset();
  startSession(answer.token, answer.name);
});

onSubmit($('sign-up-form'), $('sign-in-status'), async (values) => {
  const answer = await live('/live/user/create', { method: 'POST', body: values });
  $('sign-up-form').reset();
  startSession(answer.token, values.name);
});

$('sign-out').addEventListener('click', () => signOut());

onSubmit($('ticket-form'), $('ticket-status'), async (values) => {
  await live('/live/mentorship/create', { method: 'POST', body: values });
  $('ticket-form').reset();
  say($('ticket-status'), 'Your ticket is in the queue. A mentor will come to you.');
  await loadMentorship();
});

onSubmit($('announcement-form'), $('organiser-status'), async (values) => {
  await live('/live/announcements', { method: 'POST', body: values });
  $('announcement-form').reset();
  say($('organiser-status'), 'Announcement posted.');
  await loadAnnouncements();
});

/** datetime-local fields hold the API's UTC text without seconds. */
const toField = (text) => (text ?? '').slice(0, 16);
const fromField = (value) => (value.length === 16 ? `${value}:00` : value);

let formEvent = null;

/** The organiser's event choices follow the schedule; the fields change only when another event is chosen. */
function listEventChoices() {
  const select = $('event-select');
  const chosen = select.value;
  show(select, events.length === 0 ? el('option', { value: '' }, 'No events yet')
    : events.map((e) => el('option', { value: e.id }, e.short_description)));
  if (events.some((e) => e.id === chosen)) select.value = chosen;
  if (select.value !== formEvent) fillEventForm();
}

function fillEventForm() {
  const event = events.find((e) => e.id === $('event-select').value);
  formEvent = event?.id ?? null;
  const form = $('event-form');
  form.short_description.value = event?.short_description ?? '';
  form.long_description.value = event?.long_description ?? '';
  form.start_time.value = toField(event?.start_time);
  form.end_time.value = toField(event?.end_time);
}

$('event-select').addEventListener('change', fillEventForm);

onSubmit($('event-form'), $('organiser-status'), async (values) => {
  await live(`/live/events/${encodeURIComponent(values.id)}`, {
    method: 'PUT',
    body: {
      short_description: values.short_description,
      // the API refuses a blank description: an emptied field keeps the one saved
      ...(values.long_description ? { long_description: values.long_description } : {}),
      start_time: fromField(values.start_time), end_time: fromField(values.end_time),
    },
  });
  say($('organiser-status'), 'Event saved.');
  await loadEvents();
});

// ---- staying current ------------------------------------------------------------------------------------

const pending = new Set();

/** Reloads what a notification touched, once per burst of notifications. */
function reload(loader) {
  if (pending.has(loader)) return;
  pending.add(loader);
  setTimeout(() => {
    pending.delete(loader);
    loader();
  }, 100);
}

function onNotification(message) {
  let channel = '';
  try {
    channel = JSON.parse(message.data).channel ?? '';
  } catch (e) {
    channel = '';
  }
  // the channel names are configurable (PULSE_LIVE_*_CHANNEL); by default they name what changed
  if (/mentor/i.test(channel)) reload(loadMentorship);
  else if (/announce/i.test(channel)) reload(loadAnnouncements);
  else if (/event/i.test(channel)) reload(loadEvents);
  else [loadAnnouncements, loadEvents, loadMentorship].forEach(reload);
}

function connect() {
  const source = new EventSource(url('/live/stream'));
  source.addEventListener('open', () => say($('stream-status'), 'Live updates on.'));
  ['save', 'expire', 'delete'].forEach((name) => source.addEventListener(name, onNotification));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // the browser gave up on this stream: a new one starts from now, so read everything again
      say($('stream-status'), 'Live updates interrupted; reconnecting…', true);
      setTimeout(() => {
        connect();
        refreshAll();
      }, 5000);
    } else {
      say($('stream-status'), 'Live updates interrupted; reconnecting…', true);
    }
  });
}

function refreshAll() {
  return Promise.all([loadTimes(), loadAnnouncements(), loadEvents(), loadMaps(), loadMentorship()]);
}

showSession();
refreshAll().then(() => {
  document.body.dataset.ready = 'true';
});
setInterval(tick, 1000);
// "now" and "next" move with the clock
setInterval(renderSchedule, 60_000);
connect();
