// What both pages share: calls to Pulse's API from the page's own origin, errors as sentences, and DOM building
// without innerHTML (every text from the API is set as text).

const root = document.querySelector('meta[name="pulse-root"]')?.content ?? '';

/** An API answer that is not a success, with the sentence to show. */
export class ApiProblem extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The sentence an error body carries, whichever family's shape it has. */
function problemText(status, body) {
  if (body && typeof body === 'object') {
    if (body.error && body.error.message) return body.error.message;           // Live
    if (typeof body.detail === 'string') return body.detail;                   // BreatheCode
    const fields = Object.entries(body).filter(([, v]) => Array.isArray(v));   // BreatheCode validation
    if (fields.length) return fields.map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ');
  }
  if (status === 0) return 'Pulse cannot be reached. Check the connection and try again.';
  return `Pulse answered ${status}.`;
}

/** Calls the API; answers the parsed JSON body, or throws an ApiProblem with a sentence to show. */
export async function api(path, { method = 'GET', headers = {}, body } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(root + path, init);
  } catch (e) {
    throw new ApiProblem(0, problemText(0));
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) throw new ApiProblem(response.status, problemText(response.status, json));
  return json;
}

/** The URL of an API path on this server (for EventSource). */
export function url(path) {
  return root + path;
}

/** An element with attributes (on* attributes are listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** Shows a problem in a status element (role="status" or "alert" in the page), or clears it. */
export function say(element, message, isError = false) {
  element.textContent = message ?? '';
  element.classList.toggle('error', Boolean(isError));
}

/** The object a form's named fields hold, text trimmed. */
export function formValues(form) {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
}

/** The claims of a JWT (read only to choose what to show; the server checks every request). */
export function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part));
  } catch (e) {
    return {};
  }
}
