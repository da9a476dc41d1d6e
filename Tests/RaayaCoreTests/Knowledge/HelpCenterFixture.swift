@testable import RaayaCore

/// A small bilingual help center written for these tests, and the development question set tuned against it.
/// (The held-out evaluation set lives outside the package and is only run through `kb-eval`.)
enum HelpCenterFixture {
    enum Article: Int, CaseIterable {
        case refund = 1, trackOrder, resetPassword, paymentMethod, shippingCosts, cancelOrder, invoice,
            damagedProduct, deliveryAddress, workingHours
    }

    static let synonyms = Synonyms([
        ["فاتورة", "invoice", "bill"],
        ["استرجاع", "استرداد", "refund"],
        ["كلمة المرور", "كلمة السر", "password"],
        ["شحن", "توصيل", "delivery", "shipping"],
    ])

    static func index(synonyms: Synonyms = synonyms) -> KnowledgeIndex {
        var index = KnowledgeIndex(synonyms: synonyms)
        for document in documents {
            index.upsert(document)
        }
        return index
    }

    static let documents: [KnowledgeIndex.Document] = [
        document(
            .refund,
            ar: (
                "استرجاع المبلغ بعد الإرجاع",
                "بعد استلامنا للمنتج المرتجع وفحصه نعيد المبلغ إلى وسيلة الدفع الأصلية. ترجع الأموال إلى حسابك "
                    + "خلال ٥ إلى ١٠ أيام عمل حسب البنك. إذا دفعت نقداً عند الاستلام نحوّل المبلغ إلى محفظتك.",
                ["استرداد", "مدفوعات"]
            ),
            en: (
                "Getting your money back after a return",
                "Once we receive and inspect the returned item we refund the original payment method. Refunds "
                    + "reach your account within 5 to 10 business days depending on your bank. Cash on delivery "
                    + "orders are refunded to your wallet.",
                ["refunds", "payments"]
            )),
        document(
            .trackOrder,
            ar: (
                "تتبع الطلب",
                "يمكنك متابعة حالة طلبك من صفحة طلباتي في التطبيق. ستصلك رسالة فيها رقم الشحنة ورابط التتبع "
                    + "عند خروج الطلب من المستودع.",
                ["طلبات", "شحن"]
            ),
            en: (
                "Track your order",
                "Follow the status of your order from the My Orders page in the app. You receive a message with "
                    + "the shipment number and a tracking link when the order leaves the warehouse.",
                ["orders", "shipping"]
            )),
        document(
            .resetPassword,
            ar: (
                "إعادة تعيين كلمة المرور",
                "اضغط على «نسيت كلمة المرور» في شاشة الدخول وأدخل بريدك الإلكتروني، وسنرسل لك رابطاً لتعيين "
                    + "كلمة مرور جديدة. الرابط صالح لمدة ساعة واحدة.",
                ["حساب", "دخول"]
            ),
            en: (
                "Reset your password",
                "Tap “Forgot password” on the sign-in screen and enter your email address; we will send you a "
                    + "link to choose a new password. The link is valid for one hour.",
                ["account", "sign-in"]
            )),
        document(
            .paymentMethod,
            ar: (
                "تحديث طريقة الدفع",
                "لإضافة بطاقة جديدة أو حذف بطاقة محفوظة افتح الإعدادات ثم طرق الدفع. نقبل بطاقات مدى وفيزا "
                    + "وماستركارد وApple Pay.",
                ["بطاقات", "مدفوعات"]
            ),
            en: (
                "Update your payment method",
                "To add a new card or delete a saved card open Settings then Payment methods. We accept mada, "
                    + "Visa, Mastercard and Apple Pay.",
                ["cards", "payments"]
            )),
        document(
            .shippingCosts,
            ar: (
                "تكلفة الشحن ومدة التوصيل",
                "الشحن مجاني للطلبات فوق ٢٠٠ ريال. يصل الطلب خلال ٢ إلى ٤ أيام داخل المدن الرئيسية وخلال أسبوع "
                    + "للمناطق البعيدة.",
                ["شحن", "توصيل"]
            ),
            en: (
                "Shipping costs and delivery times",
                "Shipping is free on orders over 200 SAR. Orders arrive within 2 to 4 days in major cities and "
                    + "within a week in remote areas.",
                ["shipping", "delivery"]
            )),
        document(
            .cancelOrder,
            ar: (
                "إلغاء الطلب",
                "يمكنك إلغاء الطلب قبل شحنه من صفحة تفاصيل الطلب بالضغط على زر الإلغاء. بعد الشحن لا يمكن "
                    + "الإلغاء ويمكنك إرجاع المنتج عند استلامه.",
                ["طلبات"]
            ),
            en: (
                "Cancel an order",
                "You can cancel an order before it ships from the order details page with the Cancel button. "
                    + "Once shipped it cannot be cancelled, but you can return the item when it arrives.",
                ["orders"]
            )),
        document(
            .invoice,
            ar: (
                "تحميل الفاتورة الضريبية",
                "تجد فاتورة كل طلب بصيغة PDF في صفحة تفاصيل الطلب. لإضافة الرقم الضريبي لشركتك على الفاتورة "
                    + "حدّث بيانات المنشأة في حسابك قبل الطلب.",
                ["فواتير", "ضريبة"]
            ),
            en: (
                "Download your tax invoice",
                "Every order's invoice is available as a PDF on the order details page. To put your company's VAT "
                    + "number on the invoice, update your business details before ordering.",
                ["invoices", "vat"]
            )),
        document(
            .damagedProduct,
            ar: (
                "إرجاع منتج تالف أو غير مطابق",
                "إذا وصلك المنتج تالفاً أو مختلفاً عن الوصف صوّره وارفع طلب إرجاع خلال ٧ أيام من الاستلام. "
                    + "نرسل مندوباً لاستلامه مجاناً.",
                ["إرجاع", "منتجات"]
            ),
            en: (
                "Returning a damaged or wrong item",
                "If your item arrived damaged or different from its description, take photos and open a return "
                    + "request within 7 days of delivery. A courier collects it for free.",
                ["returns", "products"]
            )),
        document(
            .deliveryAddress,
            ar: (
                "تغيير عنوان التوصيل",
                "يمكنك تعديل عنوان التوصيل ما دام الطلب لم يُشحن بعد، من صفحة تفاصيل الطلب. بعد الشحن تواصل مع "
                    + "شركة الشحن مباشرة برقم الشحنة.",
                ["عناوين", "توصيل"]
            ),
            en: (
                "Change the delivery address",
                "You can edit the delivery address as long as the order has not shipped, from the order details "
                    + "page. After shipping, contact the courier directly with the shipment number.",
                ["addresses", "delivery"]
            )),
        document(
            .workingHours,
            ar: (
                "ساعات عمل خدمة العملاء",
                "فريق خدمة العملاء متاح من الأحد إلى الخميس من ٩ صباحاً حتى ٩ مساءً عبر المحادثة والهاتف، "
                    + "والبريد الإلكتروني على مدار الساعة.",
                ["تواصل"]
            ),
            en: (
                "Customer service hours",
                "Our customer service team is available Sunday to Thursday from 9 am to 9 pm by chat and phone, "
                    + "and by email around the clock.",
                ["contact"]
            )),
    ]

    private static func document(
        _ article: Article, ar: (String, String, [String]), en: (String, String, [String])
    ) -> KnowledgeIndex.Document {
        KnowledgeIndex.Document(
            articleID: article.rawValue,
            translations: [
                .init(language: "ar", title: ar.0, body: ar.1, tags: ar.2),
                .init(language: "en", title: en.0, body: en.1, tags: en.2),
            ])
    }

    /// The development question set: how customers actually ask, in several varieties of Arabic and in English.
    static let questions: [(question: String, answer: Article)] = [
        ("كيف أسترجع فلوسي؟", .refund),
        ("متى يرجع المبلغ لحسابي", .refund),
        ("I want a refund for my order", .refund),
        ("وين طلبي؟", .trackOrder),
        ("كيف اتتبع الشحنة", .trackOrder),
        ("where is my order", .trackOrder),
        ("نسيت كلمة السر", .resetPassword),
        ("forgot my password", .resetPassword),
        ("ابغى اضيف بطاقة جديدة", .paymentMethod),
        ("how do I change my card", .paymentMethod),
        ("كم سعر التوصيل", .shippingCosts),
        ("how long does delivery take", .shippingCosts),
        ("ابي الغي الطلب", .cancelOrder),
        ("cancel my order please", .cancelOrder),
        ("بدي فاتورة ضريبية", .invoice),
        ("where can I download my bill", .invoice),
        ("وصلني المنتج مكسور وعايز ارجعه", .damagedProduct),
        ("the item arrived damaged", .damagedProduct),
        ("ابغى اغير العنوان", .deliveryAddress),
        ("متى تفتحون؟ ساعات العمل", .workingHours),
        ("what are your working hours", .workingHours),
    ]

    /// Questions the help center does not answer.
    static let unanswerable = [
        "هل تبيعون سيارات مستعملة؟",
        "what is the weather in Riyadh tomorrow",
        "أبغى وصفة كبسة دجاج",
        "can I bring my dog to the branch",
    ]
}
