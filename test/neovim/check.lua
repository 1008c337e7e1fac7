-- Drives the Django Deploy language server from headless Neovim 0.7+ (built-in LSP client) and
-- writes what Neovim received to a JSON file. Run by test/neovim/neovim.test.ts:
--
--   DJD_SERVER=<repo>/dist/server.js DJD_ROOT=<project> DJD_FILE=<project>/mysite/settings.py \
--   DJD_OUT=<result.json> nvim --headless --clean -n -u NONE -c "luafile test/neovim/check.lua"
--
-- 0.7-compatible on purpose: vim.lsp.start_client + vim.lsp.buf_attach_client (vim.lsp.start and
-- vim.fs are 0.8+). Exits 0 when diagnostics and code actions were collected, 1 on a failure,
-- 2 when the global timeout fires.

local server = assert(vim.env.DJD_SERVER, 'DJD_SERVER not set')
local root = assert(vim.env.DJD_ROOT, 'DJD_ROOT not set')
local file = assert(vim.env.DJD_FILE, 'DJD_FILE not set')
local out = assert(vim.env.DJD_OUT, 'DJD_OUT not set')
local node = vim.env.DJD_NODE or 'node'
local wait_ms = tonumber(vim.env.DJD_WAIT_MS or '') or 10000

local started = vim.loop.hrtime()
local function elapsed_ms()
  return math.floor((vim.loop.hrtime() - started) / 1e6)
end

local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, timings = {}, diagnostics = {}, code_actions = {} }

local function write_result()
  result.timings.total_ms = elapsed_ms()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
end

-- Always exit, whatever hangs.
vim.defer_fn(function()
  result.error = 'global timeout in check.lua'
  pcall(write_result)
  vim.cmd('cquit 2')
end, 20000)

local function main()
  local client_id = vim.lsp.start_client({
    name = 'django-deploy',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    settings = { djangoDeploy = {} },
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  result.client_id = client_id

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'python'
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  local ns = vim.lsp.diagnostic.get_namespace(client_id)
  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  -- The server may publish [] first: wait for a non-empty list that contains W018.
  local function has_w018()
    for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = ns })) do
      if code_of(d) == 'security.W018' then return true end
    end
    return false
  end
  local arrived = vim.wait(wait_ms, has_w018, 50)
  result.timings.diagnostics_ms = elapsed_ms()

  local debug_line
  for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = ns })) do
    local code = code_of(d)
    table.insert(result.diagnostics, { code = code, line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
    if code == 'security.W018' then debug_line = d.lnum end
  end
  if not arrived then
    error('no security.W018 diagnostic within ' .. wait_ms .. ' ms')
  end

  -- What vim.lsp.buf.code_action() sends in 0.7: the line's diagnostics, converted back to LSP.
  local line_text = vim.api.nvim_buf_get_lines(bufnr, debug_line, debug_line + 1, false)[1] or ''
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = debug_line, character = 0 }, ['end'] = { line = debug_line, character = #line_text } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, debug_line, {}, client_id) },
  }
  result.code_action_context = #params.context.diagnostics
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, wait_ms)
  result.timings.code_actions_ms = elapsed_ms()
  if not responses then error('codeAction request failed: ' .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.error then error('codeAction error: ' .. vim.inspect(response.error)) end
    for _, action in ipairs(response.result or {}) do
      table.insert(result.code_actions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred, has_edit = action.edit ~= nil })
    end
  end
end

local ok, err = pcall(main)
if not ok then result.error = tostring(err) end
write_result()
if ok then vim.cmd('qa!') else vim.cmd('cquit 1') end
