/// Built-in synonym groups: the words customers of a shop or service use for the same thing across Modern
/// Standard Arabic, the Gulf, Egyptian and Levantine dialects, English loanwords in Arabic letters, and English.
/// A help center writes "استرداد المبلغ" and "sign in"; customers write "فلوسي ترجع", "اكونت" and "log in".
///
/// They apply to every knowledge base alongside the admin's own groups (`Synonyms.withEveryday`). Each group is
/// one meaning; a word with two meanings ("رجع": give back an item, or money coming back) sits in the group of
/// its commoner one in support traffic, or in none.
extension Synonyms {
    /// `groups` (the admin's) with the everyday groups added after them.
    public static func withEveryday(_ groups: [[String]]) -> Synonyms {
        Synonyms(groups + everydayGroups)
    }

    /// Question words that hint at the answer although they are stop words: a customer asking "where" about a
    /// purchase wants to track it. Matched as query tokens, so every spelling and Arabizi form is listed.
    static let questionCues: [(questionWords: Set<String>, answers: [String])] = [
        (
            Set(
                ["وين", "فين", "أين", "اين", "where", "wein", "wen", "wain", "fein", "fen"].flatMap {
                    SearchText.tokens($0)
                }),
            ["تتبع", "track", "tracking"]
        )
    ]

    static let everydayGroups: [[String]] = [
        // Orders and delivery
        ["طلب", "طلبية", "اوردر", "أوردر", "order"],
        ["شحنة", "طرد", "بكج", "الكرتون", "parcel", "package", "shipment"],
        ["توصيل", "شحن", "ديليفري", "دليفري", "delivery", "shipping"],
        ["مندوب", "سائق", "الكابتن", "courier", "driver"],
        ["عنوان", "لوكيشن", "الموقع", "الحي", "address", "location"],
        ["متأخر", "تأخير", "تأخر", "اتأخر", "late", "delayed", "delay"],
        ["ناقص", "مفقود", "missing", "incomplete"],
        ["غلط", "خطأ", "خاطئ", "غلطان", "wrong", "incorrect", "mistake"],
        [
            "تالف", "مكسور", "مكسر", "مفعوص", "مضروب", "مخدوش", "مشروخ", "damaged", "broken", "cracked", "smashed",
            "dented",
        ],
        ["فرع", "محل", "معرض", "المعرض", "store", "branch", "shop", "showroom"],
        ["استلام", "استلم", "pickup", "collect"],
        // Returns and money
        ["ارجاع", "إرجاع", "اعادة", "إعادة", "مرتجع", "ترجيع", "رجع", "return", "send back"],
        ["استرداد", "استرجاع", "refund", "money back"],
        ["فلوس", "مال", "المبلغ", "مصاري", "money", "amount"],
        ["استبدال", "تبديل", "بدل", "exchange", "swap", "replace"],
        ["خصم مرتين", "انسحب مرتين", "انخصم مرتين", "charged twice", "double charge"],
        // Paying
        ["دفع", "سداد", "ادفع", "payment", "pay"],
        ["بطاقة", "كرت", "كارت", "فيزا", "ماستركارد", "card", "visa", "mastercard"],
        ["كاش", "نقدا", "نقدي", "كاش عند الاستلام", "cash", "cod"],
        ["تقسيط", "أقساط", "اقساط", "قسط", "instalments", "installments", "pay later"],
        ["مرفوض", "رفض", "اترفض", "انرفض", "declined", "rejected", "failed"],
        ["فاتورة", "إيصال", "وصل", "invoice", "bill", "receipt"],
        ["سعر", "ثمن", "السعر", "price", "cost"],
        ["رسوم", "مصاريف", "مصاريف زيادة", "تكلفة", "fee", "fees", "charge"],
        ["أرخص", "ارخص", "cheaper", "lower price"],
        ["كوبون", "كود الخصم", "قسيمة", "برومو كود", "promo code", "coupon", "discount code", "voucher"],
        ["خصم", "تخفيض", "تنزيلات", "discount", "sale"],
        // Account
        ["حساب", "اكونت", "أكاونت", "اكاونت", "account"],
        ["كلمة المرور", "كلمة السر", "باسورد", "باسوورد", "الرقم السري", "password"],
        ["تسجيل الدخول", "ادخل", "أدخل", "افوت", "فوت", "log in", "login", "sign in", "signin"],
        ["مقفل", "مقفول", "انقفل", "اتقفل", "locked", "blocked"],
        ["جوال", "موبايل", "هاتف", "تلفون", "تليفون", "الرقم", "شريحة", "mobile", "phone", "sim"],
        ["رسالة", "مسج", "مسج نصي", "رسالة نصية", "sms", "text", "text message", "message"],
        ["رمز التحقق", "كود التحقق", "كود التفعيل", "الكود", "otp", "verification code", "code"],
        ["حذف", "امسح", "مسح", "الغاء الحساب", "delete", "remove", "close"],
        ["بيانات", "معلومات", "خصوصية", "data", "privacy", "information"],
        // Not "غير": it is as often "other than" ("موديل غير اللي طلبته").
        ["تغيير", "تعديل", "عدل", "اغير", "تصحيح", "صحح", "change", "update", "edit", "correct"],
        // Products and service
        ["منتج", "غرض", "سلعة", "قطعة", "product", "item"],
        [
            "عطل", "خرب", "خربان", "بايظ", "باظ", "معطل", "عطلان", "تعطل", "وقف عن العمل", "وقف عن الشغل", "faulty",
            "defect",
            "stopped working", "broke down",
        ],
        ["ضمان", "كفالة", "warranty", "guarantee"],
        ["صيانة", "تصليح", "اصلاح", "repair", "fix"],
        ["تركيب", "تركيبه", "يركب", "ركب", "install", "installation", "mounting", "setup"],
        ["أصلي", "اصلي", "اوريجينال", "original", "genuine", "authentic"],
        ["تقليد", "مقلد", "كوبي", "مضروب", "fake", "copy", "counterfeit"],
        ["غير متوفر", "نفد", "نفدت الكمية", "خلصان", "خلص", "out of stock", "sold out", "unavailable"],
        ["متوفر", "يتوفر", "موجود", "available", "in stock"],
        ["نقاط", "بوينت", "points", "rewards"],
        ["هدية", "gift"],
        ["الليلة", "نفس اليوم", "tonight", "same day"],
        ["لابتوب", "كمبيوتر", "ماك", "laptop", "computer", "mac"],
        // Marketing messages, not promo codes: "promo code" is read as one phrase first.
        ["ترويجية", "تسويقية", "اعلانات", "إعلانات", "promo", "promotional", "marketing", "ads", "advertising"],
        ["تلفزيون", "تلفزيونات", "شاشة", "تي في", "tv", "television", "screen"],
        ["مكيف", "مكيفات", "تكييف", "سبليت", "air conditioner", "ac"],
        ["غسالة", "ثلاجة", "مكنسة", "فرن", "جهاز", "اجهزة", "appliance", "device"],
        // People and complaints
        ["خدمة العملاء", "الدعم", "كول سنتر", "customer service", "support", "call center"],
        ["شكوى", "بلاغ", "complaint"],
        ["مسؤول", "مدير", "مشرف", "manager", "supervisor"],
        ["تواصل", "اتصل", "كلم", "contact", "call", "reach"],
    ]
}
