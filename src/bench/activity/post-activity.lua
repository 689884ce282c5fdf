-- wrk script: POST /v1/activity/user/{id} with a small activity; counts 2xx answers per thread.
-- Set by run.sh through the environment: PULSE_TOKEN, PULSE_USER.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  other = 0
  wrk.method = "POST"
  wrk.path = "/v1/activity/user/" .. os.getenv("PULSE_USER")
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Token " .. os.getenv("PULSE_TOKEN")
  wrk.headers["User-Agent"] = "bc/bench"
  wrk.body = '{"slug":"lesson_opened","data":"{\\"lesson\\":\\"intro-to-html\\",\\"seconds\\":42}"}'
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("other")
  end
  io.write(string.format("WRK_2XX=%d\n", good))
  io.write(string.format("WRK_NON2XX=%d\n", bad))
  io.write(string.format("WRK_ERRORS=%d\n", summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
  io.write(string.format("WRK_SECONDS=%.3f\n", summary.duration / 1e6))
  io.write(string.format("WRK_P50_MS=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("WRK_P99_MS=%.2f\n", latency:percentile(99) / 1000))
end
