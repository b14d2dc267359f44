package org.logbookls.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logbookls.text.Text;
import org.logbookls.text.TextRange;

class MaskedTextTest {
    @Test
    void indexOfSkipsWhatIsOpaqueAndStopsAtTheEndGiven() {
        String text = "a #x `#code` #y\n#z";
        MaskedText over = MaskedText.over(Text.of(text), List.of(TextRange.of(5, 12)));
        MaskedText written = MaskedText.written(over.toString());
        for (MaskedText masked : List.of(over, written)) {
            assertEquals(2, masked.indexOf('#', 0, text.length()));
            assertEquals(13, masked.indexOf('#', 3, text.length()), "the '#' in code is opaque");
            assertEquals(16, masked.indexOf('#', 14, text.length()));
            assertEquals(-1, masked.indexOf('#', 14, 16), "not at or past the end");
            assertEquals(-1, masked.indexOf('!', 0, text.length()));
        }
    }
}
