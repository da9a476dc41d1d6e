-- wrk script: create tickets (POST /api/v1/tickets) with varying bilingual
-- bodies of about 430 bytes, like the peers' benchmark in shared/NOTES.md.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "common.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json; charset=utf-8"

local topics = {
  { "استرجاع المبلغ", "refund" },
  { "تأخر الشحنة", "late delivery" },
  { "الفاتورة غير صحيحة", "wrong invoice" },
  { "تغيير كلمة المرور", "password reset" },
  { "منتج تالف", "damaged item" },
  { "إلغاء الاشتراك", "cancel subscription" },
  { "تحديث العنوان", "address change" },
  { "مشكلة في الدفع", "payment failed" },
}
local cities = { "الرياض", "القاهرة", "دبي", "عمّان", "الدار البيضاء", "بيروت" }

local n = 0

function request()
  n = n + 1
  local number = thread_id * 10000000 + n
  local topic = topics[number % #topics + 1]
  local city = cities[number % #cities + 1]
  local customer = number % 500
  local body = string.format(
    '{"subject":"%s — %s #%d",' ..
    '"body":"مرحباً، طلبت رقم %d وأرسل من %s ولم تحل المشكلة بعد: %s. ' ..
    'أرجو المساعدة في أقرب وقت ممكن وشكراً. Hello, order %d: %s, please help soon. Thanks!",' ..
    '"channel":"email",' ..
    '"customer":{"email":"bench%d@example.com","name":"عميل رقم %d"}}',
    topic[1], topic[2], number, number, city, topic[1], number, topic[2], customer, customer)
  return wrk.format(nil, "/api/v1/tickets", nil, body)
end
