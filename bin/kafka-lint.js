#!/usr/bin/env node
// The command-line linter: see server/src/cli.
require("../dist/cli.js");
