package dev.keel.load;

import com.github.javaparser.utils.LineSeparator;
import dev.keel.load.JavaLexer.Decline;
import dev.keel.load.JavaLexer.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tokenizer shared by the fast readers of migration and entity files (their tests compare whole trees with
 * JavaParser's); here its tokens, offsets and parameters one by one.
 */
class JavaLexerTest {
    private static final String PUNCTUATION = "(){};,.=-@*";

    /** Each token as value@start-end/end of the token before. */
    private static List<String> offsets(String text, String punctuation) {
        var lexer = new JavaLexer(text, punctuation, JavaLexer.KEYWORDS, true);
        var tokens = new ArrayList<String>();
        lexer.next();
        while (lexer.kind() != Kind.END) {
            String value = lexer.kind() == Kind.PUNCT ? String.valueOf(lexer.punct()) : lexer.image();
            int start = lexer.start();
            int previous = lexer.previousEnd();
            lexer.next(); // the end of the token read is now the previous end
            tokens.add(value + "@" + start + "-" + lexer.previousEnd() + "/" + previous);
        }
        return tokens;
    }

    private static List<String> kinds(String text, String punctuation) {
        var lexer = new JavaLexer(text, punctuation, JavaLexer.KEYWORDS, true);
        var kinds = new ArrayList<String>();
        for (lexer.next(); lexer.kind() != Kind.END; lexer.next()) {
            kinds.add(lexer.kind() + ":" + (lexer.kind() == Kind.PUNCT ? String.valueOf(lexer.punct()) : lexer.image()));
        }
        return kinds;
    }

    @Test
    void readsNamesNumbersStringsAndPunctuationWithTheirOffsets() {
        String text = "a.b_1 = -12L; /* c */ x(\"s\\\"t\") // end\n$y";
        assertEquals(List.of("NAME:a", "PUNCT:.", "NAME:b_1", "PUNCT:=", "PUNCT:-", "NUMBER:12L", "PUNCT:;",
                "NAME:x", "PUNCT:(", "STRING:s\\\"t", "PUNCT:)", "NAME:$y"), kinds(text, PUNCTUATION));
        // value@start-end/end of the token before
        assertEquals(List.of("a@0-1/0", ".@1-2/1", "b_1@2-5/2", "=@6-7/5", "-@8-9/7", "12L@9-12/9", ";@12-13/12",
                "x@22-23/13", "(@23-24/23", "s\\\"t@24-30/24", ")@30-31/30", "$y@39-41/31"), offsets(text, PUNCTUATION));
    }

    @Test
    void punctuationIsTheReadersChoice() {
        assertThrows(Decline.class, () -> kinds("List<String>", PUNCTUATION));
        assertEquals(List.of("NAME:List", "PUNCT:<", "NAME:String", "PUNCT:>"), kinds("List<String>", "<>"));
        assertThrows(Decline.class, () -> kinds("a + b", PUNCTUATION));
        assertEquals(List.of("NAME:a", "PUNCT:+", "NAME:b"), kinds("a + b", "+"));
    }

    @Test
    void aNonAsciiCharacterAfterANameOrNumberDeclinesWhenAsked() {
        for (String text : List.of("caf\u00e9", "1\u00e9")) {
            var strict = new JavaLexer(text, PUNCTUATION, JavaLexer.KEYWORDS, true);
            assertThrows(Decline.class, strict::next, text);
            var lenient = new JavaLexer(text, PUNCTUATION, JavaLexer.KEYWORDS, false);
            lenient.next(); // the name or number ends before the character...
            assertEquals(text.substring(0, text.length() - 1), lenient.image());
            assertThrows(Decline.class, lenient::next, text); // ...which is no token
        }
        // in a string or a comment it is text
        assertEquals(List.of("STRING:caf\u00e9"), kinds("\"caf\u00e9\" // \u00e9", PUNCTUATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1F", "1_000", "1.5", "2e3", "1f", "017", ".5", "\"\"\"\n text\"\"\"", "'c'", "\"\\0\"",
            "\"open", "\"a\nb\"", "/* open", "#", "\\u0041"})
    void declinesWhatNoReaderReads(String text) {
        assertThrows(Decline.class, () -> kinds(text, PUNCTUATION + "<>[]+/%?:!&|^~"));
    }

    @Test
    void identifiersAreNamesOutsideTheKeywords() {
        var lexer = new JavaLexer("class non x", PUNCTUATION, JavaLexer.keywordsAnd("non"), true);
        lexer.next();
        assertTrue(lexer.isWord("class"));
        assertFalse(lexer.isIdentifier());
        assertThrows(Decline.class, lexer::identifier);
        lexer.expectWord("class");
        assertFalse(lexer.isIdentifier());
        lexer.next();
        assertEquals("x", lexer.identifier());
        assertEquals(Kind.END, lexer.kind());
        var plain = new JavaLexer("non", PUNCTUATION, JavaLexer.KEYWORDS, true);
        plain.next();
        assertTrue(plain.isIdentifier());
    }

    @Test
    void expectMovesPastThatTokenOrDeclines() {
        var lexer = new JavaLexer("( a )", PUNCTUATION, JavaLexer.KEYWORDS, true);
        lexer.next();
        assertThrows(Decline.class, () -> lexer.expect(')'));
        lexer.expect('(');
        assertThrows(Decline.class, () -> lexer.expectWord("b"));
        assertEquals("a", lexer.take());
        lexer.expect(')');
        assertEquals(Kind.END, lexer.kind());
    }

    @Test
    void peeksAtTheTokenAfterTheCurrentOne() {
        var lexer = new JavaLexer("a /* x */ = b . // y\n class . classy", PUNCTUATION, JavaLexer.KEYWORDS, true);
        lexer.next();
        assertEquals('=', lexer.peekPunct());
        assertFalse(lexer.peekName());
        lexer.next();
        assertTrue(lexer.peekName());
        lexer.next();
        lexer.next();
        assertTrue(lexer.peekWord("class"));
        lexer.next();
        lexer.next();
        assertFalse(lexer.peekWord("class")); // classy
        assertTrue(lexer.peekName());
        lexer.next();
        assertEquals(0, lexer.peekPunct());
        assertFalse(lexer.peekName());
    }

    @Test
    void rewindsToAnEarlierToken() {
        var lexer = new JavaLexer("x = a . b . c ;", PUNCTUATION, JavaLexer.KEYWORDS, true);
        lexer.next();
        lexer.next();
        lexer.next();
        int start = lexer.start();
        int previous = lexer.previousEnd();
        assertEquals("a", lexer.image());
        lexer.next();
        lexer.next();
        lexer.next();
        lexer.rewind(start, previous);
        assertEquals(Kind.NAME, lexer.kind());
        assertEquals("a", lexer.image());
        assertEquals(start, lexer.start());
        assertEquals(previous, lexer.previousEnd());
        lexer.next();
        assertEquals(start + 1, lexer.previousEnd());
        assertTrue(lexer.isPunct('.'));
    }

    @Test
    void lineSeparatorIsCountedAsJavaParserCountsIt() {
        assertEquals(LineSeparator.NONE, JavaLexer.lineSeparator("class A {}"));
        assertEquals(LineSeparator.LF, JavaLexer.lineSeparator("a\nb\n"));
        assertEquals(LineSeparator.CRLF, JavaLexer.lineSeparator("a\r\nb\r\n"));
        assertEquals(LineSeparator.CR, JavaLexer.lineSeparator("a\rb\r"));
        assertEquals(LineSeparator.MIXED, JavaLexer.lineSeparator("a\r\nb\n"));
    }

    @Test
    void keywordsAndAddsToJavasKeywords() {
        Set<String> more = JavaLexer.keywordsAnd("non");
        assertTrue(more.containsAll(JavaLexer.KEYWORDS));
        assertTrue(more.contains("non"));
        assertEquals(JavaLexer.KEYWORDS.size() + 1, more.size());
    }
}
