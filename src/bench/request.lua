-- wrk script for every row of run.sh: one request shape, set through the environment, counted per thread.
--   BENCH_METHOD   GET, POST, PUT, ... (default GET)
--   BENCH_PATH     the path; "{n}" becomes a per-request unique key (thread and counter: "3-1207")
--   BENCH_BODY     the body, with "{n}", "{uuid}" (a unique urn:uuid) and "{items}" replaced
--   BENCH_ITEM     the template of one "{items}" element ("{uuid}" inside is unique per element)
--   BENCH_ITEMS    how many elements "{items}" holds (default 0)
--   BENCH_HEADERS  header lines "Name: value", separated by "|"
--   BENCH_RUN      8 hex digits naming this run, so that keys and uuids never repeat across runs
--   BENCH_TARGETS  optional "host:port,host:port,...": thread i sends every request to target i mod n
--                  (round-robin by thread over several instances, no load balancer); else the URL's host
-- Prints one line: RESULT requests= ok= non2xx= errors= seconds= p50_ms= p99_ms= (ok counts 2xx answers).
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  local targets = os.getenv("BENCH_TARGETS")
  if targets and targets ~= "" then
    local list = {}
    for target in string.gmatch(targets, "[^,]+") do table.insert(list, target) end
    local host, port = string.match(list[(#threads % #list) + 1], "^(.+):(%d+)$")
    thread.addr = wrk.lookup(host, port)[1]
  end
  table.insert(threads, thread)
end

local function replace(text, key, value)
  -- plain find: keys and values may hold magic characters of Lua patterns
  local out, from = {}, 1
  while true do
    local s, e = string.find(text, key, from, true)
    if not s then break end
    table.insert(out, string.sub(text, from, s - 1))
    table.insert(out, type(value) == "function" and value() or value)
    from = e + 1
  end
  table.insert(out, string.sub(text, from))
  return table.concat(out)
end

function init(args)
  ok, other, counter, uuids = 0, 0, 0, 0
  method = os.getenv("BENCH_METHOD") or "GET"
  path = os.getenv("BENCH_PATH") or "/"
  body = os.getenv("BENCH_BODY")
  item = os.getenv("BENCH_ITEM") or ""
  items = tonumber(os.getenv("BENCH_ITEMS") or "0")
  run = os.getenv("BENCH_RUN") or "00000000"
  headers = {}
  for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^|]+") do
    local name, value = string.match(line, "^%s*([^:]+):%s*(.-)%s*$")
    if name then headers[name] = value end
  end
  if body and not headers["Content-Type"] then headers["Content-Type"] = "application/json" end
  dynamic = string.find(path, "{", 1, true) or (body and string.find(body, "{n}", 1, true))
      or (body and string.find(body, "{uuid}", 1, true)) or (body and string.find(body, "{items}", 1, true))
  if not dynamic then
    fixed = wrk.format(method, path, headers, body)
  end
end

local function uuid()
  uuids = uuids + 1
  return string.format("urn:uuid:%s-%04x-4000-8000-%012x", run, tid, uuids)
end

request = function()
  if fixed then return fixed end
  counter = counter + 1
  local n = string.format("%s-%d-%d", run, tid, counter)
  local p = replace(path, "{n}", n)
  local b = body
  if b then
    if items > 0 then
      local all = {}
      for i = 1, items do all[i] = replace(item, "{uuid}", uuid) end
      b = replace(b, "{items}", table.concat(all, ","))
    end
    b = replace(replace(b, "{n}", n), "{uuid}", uuid)
  end
  return wrk.format(method, p, headers, b)
end

response = function(status, hdrs, b)
  if status >= 200 and status < 300 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d ok=%d non2xx=%d errors=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, good, bad, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
