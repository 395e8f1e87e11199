-- Drives the Partner Charter language server from headless Neovim 0.7 with its built-in client
-- (test/editors/neovim.test.ts): opens a charter, waits for the diagnostics, asks for a hover and
-- completion, applies a quick fix, and writes what it saw to $PC_OUT as JSON. Only APIs that
-- exist in Neovim 0.7.2 (Debian bookworm): vim.lsp.start_client, vim.lsp.buf_request_sync.
local out = { steps = {} }

local function finish(err)
  out.error = err
  local file = assert(io.open(os.getenv("PC_OUT"), "w"))
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd("qall!")
end

local function run()
  local published = {}
  local client_id
  -- The set-up of docs/editors.md ("Neovim: the built-in client"), with the server from $PC_SERVER.
  vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
    pattern = { "*.partner.yaml", "*.partner.yml", "*.partner-program.yaml", "*.partner-program.yml" },
    callback = function(args)
      client_id = vim.lsp.start_client({
        name = "partner-charter",
        cmd = { os.getenv("PC_NODE"), os.getenv("PC_SERVER"), "--stdio" },
        root_dir = vim.fn.getcwd(),
        -- The nested shape; the server also takes the bare object.
        init_options = { settings = { partnerCharter = { today = os.getenv("PC_TODAY") } } },
        handlers = {
          ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
            if result and result.uri == vim.uri_from_bufnr(args.buf) then table.insert(published, result) end
            return vim.lsp.handlers["textDocument/publishDiagnostics"](err, result, ctx, config)
          end,
        },
      })
      if client_id then vim.lsp.buf_attach_client(args.buf, client_id) end
    end,
  })
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("PC_FILE")))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  if not client_id then return finish("the autocmd did not start the server") end

  local function latest() return published[#published] end
  local function has_code(diagnostics, code)
    for _, d in ipairs(diagnostics) do
      if d.code == code then return d end
    end
    return nil
  end

  -- 1. Diagnostics with rule ids.
  if not vim.wait(30000, function() return latest() ~= nil and #latest().diagnostics > 0 end, 50) then
    return finish("no diagnostics within 30 s")
  end
  local first = latest().diagnostics
  out.diagnostics = {}
  for _, d in ipairs(first) do
    table.insert(out.diagnostics, { code = d.code, line = d.range.start.line, message = d.message })
  end

  -- 2. Hover on the tier's value.
  local tier_line = tonumber(os.getenv("PC_TIER_LINE"))
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = tier_line, character = 8 },
  }, 10000)
  local hover_result = hover and hover[client_id] and hover[client_id].result
  out.hover = hover_result and hover_result.contents and hover_result.contents.value or vim.NIL

  -- 3. Completion of the tier's value.
  local completion = vim.lsp.buf_request_sync(buf, "textDocument/completion", {
    textDocument = { uri = uri },
    position = { line = tier_line, character = 6 },
  }, 10000)
  local list = completion and completion[client_id] and completion[client_id].result
  local items = list and (list.items or list) or {}
  out.completion = {}
  for _, item in ipairs(items) do table.insert(out.completion, item.label) end

  -- 4. Code lenses: each with a command the server declares, which runs without an error.
  local lenses = vim.lsp.buf_request_sync(buf, "textDocument/codeLens", { textDocument = { uri = uri } }, 10000)
  local declared = vim.lsp.get_client_by_id(client_id).server_capabilities.executeCommandProvider or {}
  out.lenses = {}
  for _, lens in ipairs((lenses and lenses[client_id] and lenses[client_id].result) or {}) do
    local ran = vim.lsp.buf_request_sync(buf, "workspace/executeCommand", lens.command, 10000)
    table.insert(out.lenses, {
      title = lens.command.title,
      line = lens.range.start.line,
      declared = vim.tbl_contains(declared.commands or {}, lens.command.command),
      error = ran and ran[client_id] and ran[client_id].err and ran[client_id].err.message or vim.NIL,
    })
  end

  -- 5. The quick fix of the finding named by $PC_FIX_RULE, applied as Neovim applies it.
  local target = has_code(first, os.getenv("PC_FIX_RULE"))
  if not target then return finish("no " .. os.getenv("PC_FIX_RULE") .. " finding to fix") end
  local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target }, only = { "quickfix" } },
  }, 10000)
  local chosen
  out.actions = {}
  for _, action in ipairs((actions and actions[client_id] and actions[client_id].result) or {}) do
    table.insert(out.actions, action.title)
    if not chosen and action.edit and not action.title:match("^Disable ") then chosen = action end
  end
  if not chosen then return finish("no quick fix that edits the charter") end
  out.applied = chosen.title
  local before = #published
  vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
  if not vim.wait(30000, function()
    return #published > before and not has_code(latest().diagnostics, os.getenv("PC_FIX_RULE"))
  end, 50) then
    return finish("the finding stayed after the quick fix")
  end
  out.after = {}
  for _, d in ipairs(latest().diagnostics) do table.insert(out.after, d.code) end
  out.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")

  vim.lsp.stop_client(client_id)
  finish(vim.NIL)
end

local ok, err = pcall(run)
if not ok then finish(tostring(err)) end
