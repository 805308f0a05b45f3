// The Kafka Lint language server: stdio (`--stdio`), node-ipc or sockets, chosen by the command line.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
