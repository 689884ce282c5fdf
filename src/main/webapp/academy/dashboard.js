// The academy dashboard: BreatheCode sign-in, an academy and cohort picker, activities per day by slug
// (uPlot, drawn from the table of numbers under it), the cohort's students, and one student's timeline.
// Everything comes from the public BreatheCode API with the Academy header.
import uPlot from './uPlot.esm.js';
import { api, el, formValues, say, show } from './http.js';

const $ = (id) => document.getElementById(id);
const SESSION_KEY = 'pulse.academy.session';
const SERIES_COLOURS = ['#0b4f8a', '#a3141b', '#0d5c2e', '#7a3d00', '#5b2a86', '#00606b', '#6b4e00', '#3d3d3d'];

let session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
let plot = null;

function breathecode(path, options = {}) {
  const headers = { Authorization: `Token ${session.token}` };
  if (session.academy) headers.Academy = String(session.academy);
  return api(path, { ...options, headers });
}

// ---- days in UTC, as the report counts them ------------------------------------------------------------

const isoDay = (date) => date.toISOString().slice(0, 10);
const dayAfter = (day) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

function daysBetween(since, until) {
  const days = [];
  for (let d = since; d <= until; d = dayAfter(d)) days.push(d);
  return days;
}

// ---- signing in and choosing -------------------------------------------------------------------------------

function showSignedIn() {
  const signedIn = Boolean(session);
  $('sign-in-panel').hidden = signedIn;
  $('picker-panel').hidden = !signedIn;
  $('signed-in-as').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('signed-in-as').textContent = signedIn ? `Signed in as ${session.email} ` : '';
  if (!signedIn) ['chart-panel', 'students-panel', 'timeline-panel'].forEach((id) => { $(id).hidden = true; });
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const values = formValues(event.target);
  say($('sign-in-status'), '');
  try {
    const answer = await api('/v1/auth/login', { method: 'POST', body: values });
    session = { token: answer.token, email: answer.email };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    event.target.reset();
    showSignedIn();
    await loadAcademies();
  } catch (e) {
    say($('sign-in-status'), e.message, true);
  }
});

$('sign-out').addEventListener('click', () => {
  session = null;
  sessionStorage.removeItem(SESSION_KEY);
  showSignedIn();
  say($('sign-in-status'), 'Signed out.');
});

async function loadAcademies() {
  const select = $('academy-select');
  const status = $('picker-status');
  let me;
  try {
    me = await api('/v1/auth/me', { headers: { Authorization: `Token ${session.token}` } });
  } catch (e) {
    say(status, `Your account could not be read: ${e.message}`, true);
    return;
  }
  const academies = me.academies.filter((a) => a.capabilities.includes('read_activity'));
  if (academies.length === 0) {
    show(select);
    say(status, 'Your account may not read activity in any academy. An academy administrator can give you a staff role.', true);
    return;
  }
  show(select, academies.map((a) => el('option', { value: a.id }, a.name)));
  if (academies.some((a) => String(a.id) === String(session.academy))) select.value = String(session.academy);
  await chooseAcademy();
}

async function chooseAcademy() {
  session.academy = Number($('academy-select').value);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  const select = $('cohort-select');
  const status = $('picker-status');
  try {
    const cohorts = await breathecode('/v1/auth/academy/cohort');
    if (cohorts.length === 0) {
      show(select);
      say(status, 'This academy has no cohorts yet.');
      return;
    }
    show(select, cohorts.map((c) => el('option', { value: c.slug }, c.name)));
    say(status, '');
  } catch (e) {
    show(select);
    say(status, `The academy's cohorts could not be read: ${e.message}`, true);
  }
}

$('academy-select').addEventListener('change', chooseAcademy);

$('picker').addEventListener('submit', async (event) => {
  event.preventDefault();
  const { cohort, since, until } = formValues(event.target);
  if (!cohort) {
    say($('picker-status'), 'Choose a cohort first.', true);
    return;
  }
  if (until < since) {
    say($('picker-status'), 'The period ends before it starts.', true);
    return;
  }
  say($('picker-status'), '');
  document.body.dataset.ready = 'false';
  await Promise.all([loadChart(cohort, since, until), loadStudents(cohort)]);
  document.body.dataset.ready = 'true';
});

// ---- activities per day, by slug ------------------------------------------------------------------------------

/** The report's counts as a table: a row per day, a column per slug. The chart is drawn from this table. */
async function countTable(cohort, since, until) {
  const query = new URLSearchParams({ cohort, since, until: dayAfter(until) });
  const totals = await breathecode(`/v1/activity/report?${query}&by=slug`);
  const slugs = totals.map((t) => t.slug).sort();
  const perSlug = await Promise.all(slugs.map((slug) =>
    breathecode(`/v1/activity/report?${query}&${new URLSearchParams({ slug, by: 'day' })}`)));
  const days = daysBetween(since, until);
  const counts = slugs.map((_, i) => {
    const byDay = new Map(perSlug[i].map((d) => [d.day, d.count]));
    return days.map((day) => byDay.get(day) ?? 0);
  });
  const table = $('chart-table');
  $('chart-caption').textContent = `Activities per day in ${cohort}, ${since} to ${until} (UTC days)`;
  table.querySelector('thead')?.remove();
  table.querySelector('tbody')?.remove();
  table.append(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Day'), slugs.map((s) => el('th', { scope: 'col', class: 'number' }, s)))),
    el('tbody', {}, days.map((day, d) => el('tr', { dataset: { day } },
      el('th', { scope: 'row' }, day), slugs.map((slug, s) => el('td', { class: 'number', dataset: { slug } }, counts[s][d]))))));
  return slugs.length;
}

/** The chart's data, read from the table: [days as epoch seconds, then one array of counts per slug]. */
function chartDataFromTable() {
  const table = $('chart-table');
  const slugs = [...table.querySelectorAll('thead th.number')].map((th) => th.textContent);
  const rows = [...table.querySelectorAll('tbody tr')];
  const xs = rows.map((row) => Date.parse(`${row.dataset.day}T00:00:00Z`) / 1000);
  const series = slugs.map((_, s) => rows.map((row) => Number(row.querySelectorAll('td')[s].textContent)));
  return { slugs, data: [xs, ...series] };
}

function drawChart(title) {
  const figure = $('chart');
  const { slugs, data } = chartDataFromTable();
  plot?.destroy();
  show(figure);
  plot = new uPlot({
    title,
    width: Math.max(figure.clientWidth, 280),
    height: 300,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    // one tick per day (labelled month-day), thinned out on long periods
    axes: [{
      splits: (u) => u.data[0],
      values: (u, splits) => {
        const step = Math.ceil(splits.length / 14);
        return splits.map((v, i) => (i % step === 0 ? isoDay(new Date(v * 1000)).slice(5) : null));
      },
    }, { label: 'activities' }],
    series: [{ label: 'Day', value: (u, v) => (v == null ? '' : isoDay(new Date(v * 1000))) },
      ...slugs.map((slug, i) => ({
        label: slug,
        stroke: SERIES_COLOURS[i % SERIES_COLOURS.length],
        width: 2,
        dash: i < SERIES_COLOURS.length ? undefined : [6, 4],
        points: { show: true, size: 6 },
      }))],
  }, data, figure);
  // what is plotted, read back from the chart itself, for anyone (or any test) checking it against the report
  figure.dataset.points = JSON.stringify({
    slugs,
    days: plot.data[0].map((x) => isoDay(new Date(x * 1000))),
    counts: plot.data.slice(1),
  });
  figure.setAttribute('role', 'img');
  figure.setAttribute('aria-label', `Line chart: ${title}. The numbers are in the table below.`);
}

async function loadChart(cohort, since, until) {
  const panel = $('chart-panel');
  const status = $('chart-status');
  const figure = $('chart');
  panel.hidden = false;
  say(status, 'Counting…');
  try {
    const slugCount = await countTable(cohort, since, until);
    if (slugCount === 0) {
      plot?.destroy();
      plot = null;
      show(figure);
      delete figure.dataset.points;
      figure.removeAttribute('role');
      $('chart-data').hidden = true;
      say(status, `No activity was recorded in ${cohort} from ${since} to ${until}. Try a longer period or another cohort.`);
      return;
    }
    $('chart-data').hidden = false;
    say(status, '');
    drawChart(`${cohort}: activities per day by slug (UTC)`);
  } catch (e) {
    plot?.destroy();
    plot = null;
    show(figure);
    delete figure.dataset.points;
    $('chart-data').hidden = true;
    say(status, `The activity report could not be read: ${e.message}`, true);
  }
}

window.addEventListener('resize', () => {
  if (plot) plot.setSize({ width: Math.max($('chart').clientWidth, 280), height: 300 });
});

// ---- students and a student's timeline ---------------------------------------------------------------------

const when = (text) => (text ? new Date(text).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '');
const nameOf = (m) => [m.first_name, m.last_name].filter(Boolean).join(' ') || m.email || `User ${m.user_id}`;

async function studentRow(member) {
  const [activity, telemetry] = await Promise.allSettled([
    breathecode(`/v1/activity/user/${member.user_id}?limit=1`),
    breathecode(`/v1/assignment/academy/telemetry?${new URLSearchParams({ user: member.user_id, limit: 1 })}`),
  ]);
  const last = activity.status === 'fulfilled' ? activity.value.results[0] : null;
  const latest = telemetry.status === 'fulfilled' ? telemetry.value.results[0] : null;
  const lastText = activity.status === 'rejected' ? `Not readable: ${activity.reason.message}`
    : last ? `${last.slug}, ${when(last.created_at)}` : 'No activity yet';
  const completion = telemetry.status === 'rejected' ? `Not readable: ${telemetry.reason.message}`
    : latest == null ? 'No telemetry yet'
      : latest.completion_rate == null ? `${latest.asset_slug}: not reported` : `${latest.completion_rate} % (${latest.asset_slug})`;
  return el('tr', { dataset: { user: member.user_id } },
    el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', onclick: () => loadTimeline(member) }, nameOf(member))),
    el('td', {}, lastText),
    el('td', { class: 'number' }, completion));
}

async function loadStudents(cohort) {
  const panel = $('students-panel');
  const status = $('students-status');
  const body = $('students').querySelector('tbody');
  panel.hidden = false;
  $('timeline-panel').hidden = true;
  say(status, 'Reading the students…');
  show(body);
  try {
    const members = (await breathecode(`/v1/auth/academy/cohort/${encodeURIComponent(cohort)}/user`))
      .filter((m) => m.role === 'STUDENT');
    if (members.length === 0) {
      say(status, `${cohort} has no students yet.`);
      return;
    }
    show(body, await Promise.all(members.map(studentRow)));
    say(status, `${members.length} student${members.length === 1 ? '' : 's'}. Choose a name to see the timeline.`);
  } catch (e) {
    say(status, `The cohort's students could not be read: ${e.message}`, true);
  }
}

async function loadTimeline(member) {
  const panel = $('timeline-panel');
  const status = $('timeline-status');
  const list = $('timeline');
  panel.hidden = false;
  $('timeline-title').textContent = `Timeline of ${nameOf(member)}`;
  say(status, 'Reading…');
  show(list);
  try {
    const page = await breathecode(`/v1/activity/user/${member.user_id}?limit=50`);
    if (page.results.length === 0) {
      say(status, `${nameOf(member)} has no activity recorded in this academy yet.`);
      return;
    }
    show(list, page.results.map((a) => el('li', {},
      el('strong', {}, a.slug), ' ',
      el('time', { datetime: a.created_at }, when(a.created_at)),
      a.cohort ? el('span', { class: 'muted' }, ` · ${a.cohort}`) : null,
      a.day != null ? el('span', { class: 'muted' }, ` · day ${a.day}`) : null)));
    say(status, page.next ? 'The 50 most recent activities, newest first.' : 'Every activity, newest first.');
  } catch (e) {
    say(status, `The timeline could not be read: ${e.message}`, true);
  }
  panel.scrollIntoView({ block: 'nearest' });
}

// ---- start ----------------------------------------------------------------------------------------------------

const today = isoDay(new Date());
$('until').value = today;
$('since').value = isoDay(new Date(Date.parse(`${today}T00:00:00Z`) - 6 * 86_400_000));
showSignedIn();
if (session) loadAcademies();
