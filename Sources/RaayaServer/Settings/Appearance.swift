import Foundation
import RaayaCore
import SQLKit

/// How the pages present the business: its name in the header (each language; Raaya's own name when empty), a
/// logo, and the accent colour of links and buttons.
struct Branding: Codable, Sendable, Equatable {
    static let key = "branding"
    static let logoTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"]
    static let logoBytes = 512 * 1024

    var nameArabic: String?
    var nameEnglish: String?
    var accentColor: String?
    /// The logo on the file store, and its media type.
    var logoPath: String?
    var logoType: String?

    enum CodingKeys: String, CodingKey {
        case nameArabic = "name_ar"
        case nameEnglish = "name_en"
        case accentColor = "accent_color"
        case logoPath = "logo_path"
        case logoType = "logo_type"
    }

    static func load(on sql: any SQLDatabase) async throws -> Branding {
        try await StoredSetting.load(key, on: sql) ?? Branding()
    }

    func name(_ language: Language) -> String? {
        language == .ar ? nameArabic : nameEnglish
    }

    var dto: BrandingDTO {
        BrandingDTO(
            nameArabic: nameArabic, nameEnglish: nameEnglish, accentColor: accentColor,
            logoURL: logoPath == nil ? nil : "/branding/logo")
    }
}

/// The languages the pages offer and the one shown to someone who has not chosen.
struct LanguageSettings: Codable, Sendable, Equatable {
    static let key = "languages"

    var offered: [Language] = Language.allCases
    var defaultLanguage: Language = .ar

    enum CodingKeys: String, CodingKey {
        case offered
        case defaultLanguage = "default"
    }

    static func load(on sql: any SQLDatabase) async throws -> LanguageSettings {
        try await StoredSetting.load(key, on: sql) ?? LanguageSettings()
    }

    /// `wanted` if offered, else the default.
    func pick(_ wanted: Language?) -> Language {
        guard let wanted, offered.contains(wanted) else { return defaultLanguage }
        return wanted
    }
}

/// The appearance the pages need on every request, read together.
struct Appearance: Sendable {
    var branding = Branding()
    var languages = LanguageSettings()

    static func load(on sql: any SQLDatabase) async throws -> Appearance {
        let rows = try await sql.raw(
            "SELECT key, value FROM settings WHERE key IN (\(bind: Branding.key), \(bind: LanguageSettings.key))"
        ).all()
        var appearance = Appearance()
        for row in rows {
            let value = Data(try row.decode(column: "value", as: String.self).utf8)
            switch try row.decode(column: "key", as: String.self) {
            case Branding.key: appearance.branding = try JSON.decoder.decode(Branding.self, from: value)
            case LanguageSettings.key: appearance.languages = try JSON.decoder.decode(LanguageSettings.self, from: value)
            default: break
            }
        }
        return appearance
    }
}

struct BrandingDTO: Codable, Sendable {
    let nameArabic: String?
    let nameEnglish: String?
    let accentColor: String?
    let logoURL: String?

    enum CodingKeys: String, CodingKey {
        case nameArabic = "name_ar"
        case nameEnglish = "name_en"
        case accentColor = "accent_color"
        case logoURL = "logo_url"
    }
}

struct BrandingRequest: Decodable {
    let nameArabic: String?
    let nameEnglish: String?
    let accentColor: String?

    enum CodingKeys: String, CodingKey {
        case nameArabic = "name_ar"
        case nameEnglish = "name_en"
        case accentColor = "accent_color"
    }

    /// The branding with these values (each absent or empty one cleared); the logo stays.
    func validated(keeping current: Branding) throws -> Branding {
        var validation = Validation()
        var branding = current
        branding.nameArabic = validation.optionalText(nameArabic, field: "name_ar", maxCharacters: Limits.nameCharacters)
        branding.nameEnglish = validation.optionalText(nameEnglish, field: "name_en", maxCharacters: Limits.nameCharacters)
        branding.accentColor = validation.color(accentColor, field: "accent_color")
        try validation.check()
        return branding
    }
}

struct LanguagesRequest: Decodable {
    let offered: [String]
    let defaultLanguage: String

    enum CodingKeys: String, CodingKey {
        case offered
        case defaultLanguage = "default"
    }

    func validated() throws -> LanguageSettings {
        var validation = Validation()
        var offered: [Language] = []
        for (index, raw) in self.offered.enumerated() {
            if let language = Language(rawValue: raw) {
                if !offered.contains(language) { offered.append(language) }
            } else {
                validation.fail("offered[\(index)]", "must be ar or en")
            }
        }
        if self.offered.isEmpty { validation.fail("offered", "must name at least one language") }
        let chosen = Language(rawValue: defaultLanguage)
        if chosen == nil {
            validation.fail("default", "must be ar or en")
        } else if let chosen, !offered.isEmpty, !offered.contains(chosen) {
            validation.fail("default", "must be one of the offered languages")
        }
        try validation.check()
        return LanguageSettings(offered: offered, defaultLanguage: chosen ?? .ar)
    }
}
