// Drives Engram's /sparql with sparql-http-client (a SPARQL 1.1 Protocol client from npm) and prints what it got as
// one JSON object, for SparqlProtocolClientsTest to check. Usage: node client.mjs <endpoint> <api-key>
import ParsingClient from 'sparql-http-client/ParsingClient.js'

const [endpointUrl, key] = process.argv.slice(2)
const client = new ParsingClient({ endpointUrl, updateUrl: endpointUrl, headers: { Authorization: `Bearer ${key}` } })

const prefixes = 'PREFIX engram: <https://engram.dev/ns#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n'
const select = prefixes + 'SELECT ?title WHERE { ?d a engram:Document ; dcterms:title ?title } ORDER BY ?title'
const ask = prefixes + 'ASK { ?d dcterms:title "Zorblax Corporation" }'
const construct = prefixes + 'CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d a engram:Document ; dcterms:title ?t }'

const out = {}
for (const operation of ['get', 'postUrlencoded', 'postDirect']) {
  const rows = await client.query.select(select, { operation })
  const graph = await client.query.construct(construct, { operation })
  out[operation] = {
    select: rows.map((row) => row.title.value),
    ask: await client.query.ask(ask, { operation }),
    construct: [...graph].map((q) => [q.subject.value, q.predicate.value, q.object.value]).sort()
  }
}
try {
  await client.query.update('INSERT DATA { <urn:engram:x> <urn:engram:y> "z" }')
  out.update = { accepted: true }
} catch (e) {
  out.update = { accepted: false, status: e.status, message: e.message }
}
try {
  await client.query.select('SELECT * WHERE { ?s ?p }')
  out.malformed = { accepted: true }
} catch (e) {
  out.malformed = { accepted: false, status: e.status, message: e.message }
}
console.log(JSON.stringify(out))
