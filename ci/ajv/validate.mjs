#!/usr/bin/env node
// Validate JSON documents against one of youthaction-scoring's JSON Schemas
// with ajv in strict mode (draft 2020-12), as a second, independent validator
// next to the Python `jsonschema` package the tests use.
//
// Usage: node validate.mjs SCHEMA.json DATA.json [DATA.json ...]
//
// The schema must compile under `strict: true` (strictTypes, strictTuples,
// strictRequired, ...): any strict-mode complaint is an error, not a warning.
// One line per data file: "FILE: ok", or "FILE: invalid" followed by one
// indented line per error with its instancePath.
//
// Exit status: 0 when the schema compiles strictly and every file is valid;
// 1 when the schema does not compile or a file is unreadable or invalid;
// 2 on a usage error.
//
// Install first with `npm ci` in this folder (see package.json).

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import process from "node:process";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const USAGE = "usage: node validate.mjs SCHEMA.json DATA.json [DATA.json ...]";

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function describe(error) {
  const where = error.instancePath === "" ? "(root)" : error.instancePath;
  const params = JSON.stringify(error.params);
  return `  ${where}: ${error.message} ${params} [${error.schemaPath}]`;
}

function main(argv) {
  if (argv.includes("-h") || argv.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  if (argv.length < 2) {
    console.error(USAGE);
    return 2;
  }
  const [schemaPath, ...dataPaths] = argv;

  let validate;
  try {
    const schema = readJson(schemaPath);
    // strict: true turns every strict-mode complaint into an exception,
    // including strictTypes, strictTuples and strictRequired (which the
    // default "log" setting would only warn about).
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  } catch (error) {
    console.error(`${schemaPath}: schema does not compile in strict mode: ${error.message}`);
    return 1;
  }
  console.log(`${basename(schemaPath)}: compiles in strict mode`);

  let status = 0;
  for (const dataPath of dataPaths) {
    let data;
    try {
      data = readJson(dataPath);
    } catch (error) {
      console.log(`${dataPath}: unreadable: ${error.message}`);
      status = 1;
      continue;
    }
    if (validate(data)) {
      console.log(`${dataPath}: ok`);
    } else {
      const count = validate.errors.length;
      console.log(`${dataPath}: invalid (${count} ${count === 1 ? "error" : "errors"})`);
      for (const error of validate.errors) {
        console.log(describe(error));
      }
      status = 1;
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
