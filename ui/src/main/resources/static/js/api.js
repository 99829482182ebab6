// The server's REST API, one function per endpoint. An API key, when the server wants one, is kept in
// localStorage ("engram.apiKey") and sent as X-API-Key.

const KEY = 'engram.apiKey';

export function apiKey() {
  return localStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
  if (key) localStorage.setItem(KEY, key); else localStorage.removeItem(KEY);
}

/** An API failure with the server's message and HTTP status. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body, isForm) {
  const headers = { Accept: 'application/json' };
  if (apiKey()) headers['X-API-Key'] = apiKey();
  let payload;
  if (body !== undefined) {
    if (isForm) {
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached: ' + e.message);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    const message = data && data.message ? data.message : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return data;
}

const enc = encodeURIComponent;

// The standard SPARQL 1.1 Protocol endpoint, as any SPARQL client calls it: a form POST of query=, asking for
// SPARQL JSON results (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE). Answers {json} or {text}.
async function sparql(query) {
  const headers = {
    Accept: 'application/sparql-results+json, application/n-triples;q=0.9',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  if (apiKey()) headers['X-API-Key'] = apiKey();
  let response;
  try {
    response = await fetch('/sparql', { method: 'POST', headers, body: new URLSearchParams({ query }) });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached: ' + e.message);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = JSON.parse(text).message || message; } catch { /* not JSON: keep the status */ }
    throw new ApiError(response.status, message);
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? { json: JSON.parse(text), truncated: response.headers.get('X-Engram-Truncated') === 'true' }
    : { text, truncated: response.headers.get('X-Engram-Truncated') === 'true' };
}

export const api = {
  entities: (q, k = 10) => call('GET', `/api/entities?q=${enc(q)}&k=${k}`),
  neighbourhood: (id, limit = 25) => call('GET', `/api/nodes/${enc(id)}/neighbourhood?limit=${limit}`),
  paths: (from, to, maxHops = 3) => call('GET', `/api/paths?from=${enc(from)}&to=${enc(to)}&maxHops=${maxHops}`),
  chunk: (id) => call('GET', `/api/chunks/${enc(id)}`),
  document: (id) => call('GET', `/api/documents/${enc(id)}`),
  documents: (offset = 0, limit = 100, sort = 'id') => call('GET', `/api/documents?offset=${offset}&limit=${limit}&sort=${sort}`),
  deleteDocument: (id) => call('DELETE', `/api/documents/${enc(id)}`),
  upload: (formData) => call('POST', '/api/documents', formData, true),
  job: (id) => call('GET', `/api/jobs/${enc(id)}`),
  cancelJob: (id) => call('DELETE', `/api/jobs/${enc(id)}`),
  query: (question, mode, topK) => call('POST', '/api/query', { question, mode, topK }),
  communities: (level = 0) => call('GET', `/api/communities?level=${level}`),
  community: (id) => call('GET', `/api/communities/${enc(id)}`),
  communityOf: (entityIds, level = 0) => call('POST', `/api/communities/membership?level=${level}`, entityIds),
  cypher: (query, parameters = {}) => call('POST', '/api/cypher', { query, parameters }),
  sparql,
  overview: (limit = 30) => call('GET', `/api/overview?limit=${limit}`),
  evidence: (facts) => call('POST', '/api/evidence', { facts }),
  duplicates: (limit = 30) => call('GET', `/api/curation/duplicates?limit=${limit}`),
  merge: (into, merged) => call('POST', '/api/curation/merge', { into, merged }),
  rename: (id, name) => call('POST', '/api/curation/rename', { id, name }),
  deleteRelation: (source, predicate, target) => call('POST', '/api/curation/delete-relation', { source, predicate, target }),
  deleteEntity: (id) => call('POST', '/api/curation/delete-entity', { id }),
  audit: (limit = 50) => call('GET', `/api/curation/audit?limit=${limit}`),
  undo: () => call('POST', '/api/curation/undo', {}),
};
