-- Kafka Lint in a real Neovim (0.7+), started by test/editors/run.mjs as
--   nvim --headless -u <the README's snippet> -c 'luafile test/editors/nvim-test.lua'
-- It opens files of the workspace copy the way a user does (:edit, so the FileType autocommand of the
-- README's snippet starts and attaches the client), waits for what the server pushes, and writes one
-- result per check to $KAFKA_LINT_EDITOR_RESULTS (JSON), then quits. Only Neovim APIs that exist in 0.7.

local workspace = assert(os.getenv('KAFKA_LINT_EDITOR_WORKSPACE'), 'KAFKA_LINT_EDITOR_WORKSPACE is not set')
local results_file = assert(os.getenv('KAFKA_LINT_EDITOR_RESULTS'), 'KAFKA_LINT_EDITOR_RESULTS is not set')
local TIMEOUT = tonumber(os.getenv('KAFKA_LINT_EDITOR_TIMEOUT_MS') or '') or 30000
local results = {}

local function wait_for(what, condition)
  if not vim.wait(TIMEOUT, condition, 20) then
    error(string.format('timed out after %d ms waiting for %s', TIMEOUT, what), 0)
  end
end

local function check(name, fn)
  local started = vim.loop.hrtime()
  local ok, err = pcall(fn)
  table.insert(results, {
    name = 'neovim ' .. vim.version().major .. '.' .. vim.version().minor .. ': ' .. name,
    ok = ok,
    detail = (not ok) and tostring(err) or nil,
    ms = math.floor((vim.loop.hrtime() - started) / 1e6),
  })
end

local function open(relative)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. relative))
  return vim.api.nvim_get_current_buf()
end

local function kafka_lint_client(bufnr)
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'kafka-lint' then return client end
  end
  return nil
end

--- The diagnostics Neovim holds for the buffer, as `code@line:col-line:col` (0-based, as Neovim keeps them).
local function diagnostic_keys(bufnr)
  local keys = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(keys, string.format('%s@%d:%d-%d:%d', tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col))
  end
  table.sort(keys)
  return keys
end

local function has_all(keys, expected)
  local set = {}
  for _, k in ipairs(keys) do set[k] = true end
  for _, k in ipairs(expected) do
    if not set[k] then return false end
  end
  return true
end

--- Opens a file and waits until Neovim shows (at least) the expected diagnostics, pushed by the server.
local function expect_diagnostics(relative, expected)
  local bufnr = open(relative)
  wait_for('the kafka-lint client to attach to ' .. relative, function() return kafka_lint_client(bufnr) ~= nil end)
  local ok = vim.wait(TIMEOUT, function() return has_all(diagnostic_keys(bufnr), expected) end, 20)
  if not ok then
    error(string.format('%s: expected %s among the diagnostics, Neovim shows %s', relative, vim.inspect(expected), vim.inspect(diagnostic_keys(bufnr))), 0)
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source ~= 'kafka-lint' then error('diagnostic without source kafka-lint: ' .. vim.inspect(d), 0) end
  end
  return bufnr
end

check('the client is started with the name, command and root the README gives', function()
  local bufnr = open('consumer.properties')
  assert(vim.bo[bufnr].filetype == 'jproperties', 'filetype is ' .. vim.bo[bufnr].filetype)
  wait_for('the kafka-lint client', function() return kafka_lint_client(bufnr) ~= nil end)
  local client = kafka_lint_client(bufnr)
  assert(vim.deep_equal(client.config.cmd, { 'kafka-lint-lsp', '--stdio' }), vim.inspect(client.config.cmd))
  assert(client.config.root_dir == workspace, 'root_dir ' .. tostring(client.config.root_dir) .. ' is not the workspace ' .. workspace)
  wait_for('initialize', function() return client.initialized end)
  assert(client.server_capabilities.diagnosticProvider == nil, 'Neovim 0.7 does not pull: the server must push')
end)

check('diagnostics with rule ids on a consumer .properties (filetype jproperties)', function()
  expect_diagnostics('consumer.properties', { 'consumer/auto-commit-enabled@5:19-5:23' })
end)

check('diagnostics with rule ids on a Spring application.yml', function()
  expect_diagnostics('src/main/resources/application.yml', { 'producer/acks-leader-only@4:12-4:13' })
end)

check('diagnostics with rule ids on a Java producer', function()
  expect_diagnostics('src/main/java/shop/OrderProducer.java', {
    'producer/acks-zero@11:46-11:49',
    'producer/unhandled-send@13:12-13:76',
  })
end)

check('one client serves every file of the project', function()
  local ids = {}
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    local client = kafka_lint_client(bufnr)
    if client then ids[client.id] = true end
  end
  assert(vim.tbl_count(ids) == 1, 'kafka-lint clients: ' .. vim.inspect(vim.tbl_keys(ids)))
end)

check('hover on acks=0 explains the producer stage and the safe value', function()
  local bufnr = expect_diagnostics('producer.properties', { 'producer/acks-zero@4:5-4:6' })
  vim.api.nvim_win_set_cursor(0, { 5, 1 }) -- on `acks`
  vim.lsp.buf.hover()
  local text
  wait_for('the hover window', function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
        return true
      end
    end
    return false
  end)
  assert(text:find('Producer', 1, true), 'hover does not name the producer stage: ' .. text)
  assert(text:find('acks=all', 1, true), 'hover does not give the safe value: ' .. text)
  vim.api.nvim_set_current_win(vim.fn.win_getid(vim.fn.bufwinnr(bufnr)))
  vim.cmd('silent! only')
end)

check('the quick fix "Set acks=all", chosen in vim.lsp.buf.code_action, leaves acks=all', function()
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.api.nvim_buf_get_name(bufnr):match('producer%.properties$'), 'not in producer.properties')
  local before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  vim.api.nvim_win_set_cursor(0, { 5, 5 }) -- on the value of acks=0
  local offered
  local select = vim.ui.select
  -- The user picks "Set acks=all" from the code action menu.
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    local chosen
    for _, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      table.insert(offered, title)
      if title == 'Set acks=all' then chosen = item end
    end
    on_choice(chosen)
  end
  local ok, err = pcall(function()
    vim.lsp.buf.code_action()
    wait_for('the code action menu', function() return offered ~= nil end)
    assert(vim.tbl_contains(offered, 'Set acks=all'), 'offered: ' .. vim.inspect(offered))
    wait_for('acks=all in the buffer', function() return vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1] == 'acks=all' end)
  end)
  vim.ui.select = select
  if not ok then error(err, 0) end
  local after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  before[5] = 'acks=all'
  assert(vim.deep_equal(after, before), 'the fix changed more than the value: ' .. vim.inspect(after))
  wait_for('producer/acks-zero to go away after the edit', function()
    for _, key in ipairs(diagnostic_keys(bufnr)) do
      if key:find('producer/acks-zero', 1, true) then return false end
    end
    return true
  end)
end)

local encoded = vim.fn.json_encode(results)
local f = assert(io.open(results_file, 'w'))
f:write(encoded)
f:close()
vim.cmd('qa!')
