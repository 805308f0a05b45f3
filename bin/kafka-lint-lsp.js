#!/usr/bin/env node
// The language server over stdio (`kafka-lint-lsp --stdio`): see server/src/main.ts.
require("../dist/server.js");
