import Foundation
import Testing
@testable import RaayaServer

@Suite("Configuration from the environment: defaults, and errors that name the variable")
struct ConfigurationTests {
    static func error(_ environment: [String: String]) -> String? {
        do {
            _ = try Configuration.fromEnvironment(environment)
            return nil
        } catch let invalid as Configuration.Invalid {
            return invalid.variable
        } catch {
            return "\(error)"
        }
    }

    @Test("the relay, its login (percent-encoded, Arabic too) and the SMTP listener")
    func mail() throws {
        let configuration = try Configuration.fromEnvironment([
            "RAAYA_SMTP_RELAY": "smtp://raaya:%D9%83%D9%84%D9%85%D8%A9@mail.example.com:587", "RAAYA_SMTP_LISTEN": "",
        ])
        #expect(configuration.smtpRelay == Configuration.SMTPRelay(host: "mail.example.com", port: 587, user: "raaya", password: "كلمة"))
        #expect(configuration.smtpListen == nil, "set but empty turns the listener off")
        #expect(try Configuration.fromEnvironment([:]).smtpListen == Configuration.ListenAddress(host: "127.0.0.1", port: 2525))
        #expect(Self.error(["RAAYA_SMTP_RELAY": "mail.example.com:25"]) == "RAAYA_SMTP_RELAY")
        #expect(Self.error(["RAAYA_SMTP_LISTEN": "٢٥٢٥"]) == "RAAYA_SMTP_LISTEN")
        #expect(Self.error(["RAAYA_PORT": "80000"]) == "RAAYA_PORT")
    }

    @Test("RAAYA_SMTP_RELAY_CA must be a readable PEM file, and needs a relay")
    func relayCertificates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("raaya-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pem = folder.appendingPathComponent("ca.pem")
        try Data("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8).write(to: pem)
        let notPEM = folder.appendingPathComponent("شهادة.txt")
        try Data("ليست شهادة".utf8).write(to: notPEM)

        let relay = "smtp://relay.example.com"
        #expect(try Configuration.fromEnvironment(["RAAYA_SMTP_RELAY": relay, "RAAYA_SMTP_RELAY_CA": pem.path])
            .smtpRelay?.trustedCertificates == pem.path)
        #expect(Self.error(["RAAYA_SMTP_RELAY": relay, "RAAYA_SMTP_RELAY_CA": notPEM.path]) == "RAAYA_SMTP_RELAY_CA")
        #expect(Self.error(["RAAYA_SMTP_RELAY": relay, "RAAYA_SMTP_RELAY_CA": folder.appendingPathComponent("none").path])
            == "RAAYA_SMTP_RELAY_CA")
        #expect(Self.error(["RAAYA_SMTP_RELAY_CA": pem.path]) == "RAAYA_SMTP_RELAY_CA")
    }

    @Test("RAAYA_LLM_URL, RAAYA_LLM_KEY and RAAYA_LLM_MODEL: off by default, checked, the key never in the summary")
    func languageModel() throws {
        let key = "sk-raaya-test-4f9c"
        #expect(try Configuration.fromEnvironment([:]).languageModel == nil)
        let set = try Configuration.fromEnvironment([
            "RAAYA_LLM_URL": "http://127.0.0.1:11434/v1/", "RAAYA_LLM_KEY": key, "RAAYA_LLM_MODEL": "llama3.1",
        ])
        #expect(set.languageModel == Configuration.LanguageModel(baseURL: "http://127.0.0.1:11434/v1", key: key, model: "llama3.1"))
        #expect(set.summary.contains("llm=http://127.0.0.1:11434/v1 with key") && !set.summary.contains(key))
        #expect(Self.error(["RAAYA_LLM_URL": "127.0.0.1:11434"]) == "RAAYA_LLM_URL")
        #expect(Self.error(["RAAYA_LLM_URL": "ftp://models.example.com/v1"]) == "RAAYA_LLM_URL")
        #expect(Self.error(["RAAYA_LLM_URL": "https://api.example.com/v1", "RAAYA_LLM_KEY": "مفتاح سري"]) == "RAAYA_LLM_KEY")
        #expect(Self.error(["RAAYA_LLM_KEY": key]) == "RAAYA_LLM_KEY")
        #expect(Self.error(["RAAYA_LLM_MODEL": "llama3.1"]) == "RAAYA_LLM_MODEL")
    }
}
