import RaayaCore
import Testing

@Test func hexRoundTripsAndRefusesWhatIsNotHex() {
    let bytes = Array("مرحبا".utf8) + [0x00, 0xff]
    let text = Hex.encode(bytes)
    #expect(text == "d985d8b1d8add8a8d8a700ff")
    #expect(Hex.decode(text) == bytes)
    #expect(Hex.decode("D985") == [0xd9, 0x85])
    #expect(Hex.decode("abc") == nil)
    #expect(Hex.decode("zz") == nil)
    #expect(Hex.decode("٠١") == nil)
}
