import * as assert from 'node:assert/strict';
import { WATCHED_FILES_GLOB } from '../../../server/src/files/walk';
import { REPORTED_FILES_GLOB } from '../../../server/src/protocol/constants';

/** The webview refreshes on disk changes of REPORTED_FILES_GLOB; the report reads what the walk reads. */
describe('report: the webview watches the files the workspace report reads', () => {
  it('REPORTED_FILES_GLOB (protocol, for the client) is the walk’s WATCHED_FILES_GLOB', () => {
    assert.equal(REPORTED_FILES_GLOB, WATCHED_FILES_GLOB);
  });
});
