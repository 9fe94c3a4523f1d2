-- wrk script for `make bench`: replays the requests of one case, round robin.
--
-- $BENCH_REQUESTS names a file written by bench/run.py, one tab-separated line each:
--   H <tab> name <tab> value                          a header sent with every request
--   R <tab> method <tab> path <tab> body <tab> cookie <tab> htmx
--                                                     one request (body, cookie, htmx may be empty;
--                                                     "htmx" adds what htmx sends to the case's headers)
-- Requests are formatted once, when the thread starts, so the script costs little per request.
-- When the run ends, one line "BENCH {json}" gives the figures run.py reads.

local requests = {}
local counter = 0

function init(args)
  local headers = {}
  local lines = {}
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local kind, rest = line:match("^(%u)\t(.*)$")
    if kind == "H" then
      local name, value = rest:match("^([^\t]*)\t(.*)$")
      headers[name] = value
    elseif kind == "R" then
      lines[#lines + 1] = rest
    end
  end
  for _, rest in ipairs(lines) do
    local method, path, body, cookie, htmx = rest:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
    local own = {}
    for name, value in pairs(headers) do own[name] = value end
    if cookie ~= "" then own["Cookie"] = cookie end
    if htmx == "htmx" then
      own["HX-Request"] = "true"
      own["Sec-Fetch-Site"] = "same-origin"
    end
    if body ~= "" then
      own["Content-Type"] = "application/x-www-form-urlencoded"
    else
      body = nil
    end
    requests[#requests + 1] = wrk.format(method, path, own, body)
  end
  -- threads start at different places so they do not send the same request together
  counter = math.random(#requests) - 1
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

function done(summary, latency, _)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"non_2xx_3xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
