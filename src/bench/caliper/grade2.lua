-- wrk script: one grade2 event per request, each with its own urn:uuid id.
-- args: <token> <edApp> <run-hex8> <assignee-urn>
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token, edapp, run, assignee = args[1], args[2], args[3], args[4]
  counter = 0
  ok = 0
  other = 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

local function event(id)
  return '{"@context":"http://purl.imsglobal.org/ctx/caliper/v1p2","id":"' .. id .. '",'
    .. '"type":"GradeEvent","profile":"GradingProfile",'
    .. '"actor":{"type":"SoftwareApplication","host":"https://www.aprimora.com.br"},"action":"Graded",'
    .. '"object":{"type":"Attempt","assignee":{"id":"' .. assignee .. '","type":"Person"},'
    .. '"assignable":{"id":3899,"type":"Activity","skillCode":"EF15LP01"},'
    .. '"dateCreated":"2024-03-01T10:00:00Z","startedAtTime":"2024-03-01T09:00:00Z","totalTime":300},'
    .. '"edApp":"' .. edapp .. '","generated":{"type":"Score","maxScore":10,"scoreGiven":8}}'
end

function next_id()
  counter = counter + 1
  return string.format("urn:uuid:%s-%04x-4000-8000-%012x", run, tid, counter)
end

request = function()
  return wrk.format("POST", "/analytics/grade2", headers, event(next_id()))
end

response = function(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local acked, failed = 0, 0
  for _, t in ipairs(threads) do
    acked = acked + t:get("ok")
    failed = failed + t:get("other")
  end
  io.write(string.format("RESULT requests=%d acked=%d non200=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, acked, failed, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
