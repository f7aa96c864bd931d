-- wrk script for the order-create route: every request is a new channel order (its own external order no.)
-- for one SKU, with the bearer token and SKU code from the environment (set by loadtests/wrk-orders.sh).
local token = os.getenv("CLOUDOMS_TOKEN")
local sku = os.getenv("CLOUDOMS_SKU")
local run = os.getenv("CLOUDOMS_RUN")
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"channel":"api","externalOrderNo":"W%s%02d%08d","customer":{"name":"压测客户","phone":"13900000000",' ..
    '"province":"山东省","city":"临沂市","address":"兰山区通达路 1 号"},' ..
    '"lines":[{"skuCode":"%s","quantity":1,"unitPrice":59,"discount":0}],"shippingFee":0}',
    run, id, counter, sku)
  return wrk.format("POST", "/api/orders", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
