-- Run by scripts/editors-e2e.sh: `nvim --headless -u <README snippet> -S neovim-test.lua journal.md`
-- in a workspace holding journal.md and experiments.md. Checks what a user sees, through
-- Neovim's own LSP client, and exits with 0 when all of it holds.
local failures = 0
local function check(ok, what)
  print((ok and 'ok   ' or 'FAIL ') .. what)
  if not ok then failures = failures + 1 end
end
local function finish()
  io.stdout:write('')
  vim.cmd((failures == 0) and 'qall!' or 'cquit!')
end

local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local client
vim.wait(20000, function()
  client = vim.lsp.get_active_clients()[1]
  return client ~= nil and client.initialized
end, 100)
check(client ~= nil and client.name == 'logbook-ls', 'the README snippet started logbook-ls for the Markdown buffer')
if client == nil then finish() return end
check(vim.lsp.buf_is_attached(buf, client.id), 'the buffer is attached')

-- Diagnostics arrive (pushed: Neovim 0.7 does not pull).
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local diagnostics = vim.diagnostic.get(buf)
local codes = {}
for _, d in ipairs(diagnostics) do codes[#codes + 1] = tostring(d.code) end
check(#diagnostics > 0, 'diagnostics arrive: ' .. table.concat(codes, ', '))

local function position_of(pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(pattern, 1, true)
    if col then return { line = i - 1, character = col - 1 } end
  end
end

-- ID completion after "[e".
local at = position_of('[e0001]')
local response = client.request_sync('textDocument/completion',
  { textDocument = { uri = uri }, position = { line = at.line, character = at.character + 2 } }, 10000, buf)
local items = response and response.result and (response.result.items or response.result) or {}
local labels = {}
for _, item in ipairs(items) do labels[#labels + 1] = item.label end
check(vim.tbl_contains(labels, 'e0001'), 'completion after "[e" offers e0001 (defined in experiments.md): ' .. table.concat(labels, ' '))

-- Go to definition across files.
response = client.request_sync('textDocument/definition',
  { textDocument = { uri = uri }, position = { line = at.line, character = at.character + 3 } }, 10000, buf)
local location = response and response.result and (response.result[1] or response.result)
local target = location and (location.uri or location.targetUri) or ''
check(target:match('experiments%.md$') ~= nil, 'definition of [e0001] is in experiments.md: ' .. target)
if target ~= '' then
  vim.lsp.util.jump_to_location(location, client.offset_encoding)
  check(vim.api.nvim_buf_get_name(0):match('experiments%.md$') ~= nil, 'jumping there opens experiments.md')
  vim.api.nvim_set_current_buf(buf)
end

-- A quick fix, applied as Neovim applies it.
local fixable
for _, d in ipairs(vim.diagnostic.get(buf)) do
  if d.code == 'invalid-date' and d.message:find('20nd', 1, true) then fixable = d end
end
check(fixable ~= nil, 'the wrong ordinal ("20nd") is reported')
if fixable then
  -- Neovim 0.7 keeps only the code of the LSP diagnostic; rebuild it as a client sends it back.
  local lsp_diagnostic = {
    range = { start = { line = fixable.lnum, character = fixable.col }, ['end'] = { line = fixable.end_lnum, character = fixable.end_col } },
    code = fixable.code, message = fixable.message, severity = fixable.severity, source = fixable.source }
  response = client.request_sync('textDocument/codeAction', { textDocument = { uri = uri }, range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } } }, 10000, buf)
  local action
  for _, a in ipairs(response and response.result or {}) do
    if a.edit and not action then action = a end
  end
  check(action ~= nil, 'a quick fix is offered: ' .. (action and action.title or 'none'))
  if action then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    check(text:find('20th Nov', 1, true) ~= nil and text:find('20nd', 1, true) == nil, 'applying it writes "20th"')
  end
end

-- New entry: the server's command; its edit comes back as workspace/applyEdit.
local function new_heading()
  for _, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find('[e0004]', 1, true) and line:sub(1, 3) == '## ' then return line end
  end
end
response = client.request_sync('workspace/executeCommand', { command = 'logbook.newEntry', arguments = { uri } }, 10000, buf)
check(response ~= nil and response.err == nil, 'logbook.newEntry runs')
vim.wait(10000, function() return new_heading() ~= nil end, 100)
local heading = new_heading() or ''
check(heading:find(os.date('%Y'), 1, true) ~= nil, "today's entry is inserted with the next free ID, in the logbook's style: " .. heading)

finish()
