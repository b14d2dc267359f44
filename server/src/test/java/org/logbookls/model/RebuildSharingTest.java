package org.logbookls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.Optional;
import org.logbookls.config.Settings;
import org.logbookls.syntax.IncrementalParser;
import org.logbookls.syntax.MarkdownParser;
import org.logbookls.syntax.SyntaxTree;
import org.logbookls.text.SplicedList;
import org.logbookls.text.Text;
import org.logbookls.text.TextChange;
import org.logbookls.text.TextRange;
import org.junit.jupiter.api.Test;

/**
 * A build from scratch after an edit (one that changed a heading's date, so the entries are decided
 * again) keeps what it did not read again as the old objects: the heading candidates outside the
 * edited region. A version that held moved copies of all of them kept 30,000 new objects per
 * keystroke alive, which the collector then had to promote and collect in full.
 */
class RebuildSharingTest {
    private static final Settings SETTINGS = Settings.DEFAULT;

    @Test
    void aRebuildKeepsTheCandidatesOutsideTheRegion() {
        StringBuilder journal = new StringBuilder("# Journal\n\n");
        for (int i = 0; i < 200; i++) {
            journal.append("## ").append(LocalDate.of(2020, 1, 1).plusDays(i)).append(" [e").append(i).append("] run\n\n")
                    .append("### Results\n\nok\n\n");
        }
        String text = journal.toString();
        ModelOptions options = new ModelOptions("journal.md", Optional.empty(), SETTINGS.sectionFamilies(), SETTINGS.requiredSections(),
                Optional.empty(), LocalDate.of(2026, 11, 20), Optional.empty());
        SyntaxTree before = MarkdownParser.parse(text);
        LogbookBuilder.Built old = LogbookBuilder.build(before, options, Optional.empty());
        // "## 2020-04-01" becomes "## 2x020-04-01": no longer an entry, so the build starts from scratch.
        int at = text.indexOf("2020-04-01") + 1;
        String after = text.substring(0, at) + "x" + text.substring(at);
        IncrementalParser.Result reparsed = IncrementalParser.reparse(before, new TextChange(TextRange.empty(at), 1), Text.of(after));
        LogbookBuilder.Previous previous = new LogbookBuilder.Previous(old, reparsed.region().orElseThrow(), before.text(), before.maskedText());
        LogbookBuilder.Built now = LogbookBuilder.build(reparsed.tree(), options, Optional.of(previous));

        assertEquals(old.logbook().entries().size() - 1, now.logbook().entries().size(), "the broken heading is no entry");
        assertEquals(LogbookBuilder.build(reparsed.tree(), options, Optional.empty()).logbook(), now.logbook());
        assertEquals(old.candidates().size(), now.candidates().size());
        for (int i : new int[] {0, 5, now.candidates().size() - 1}) {
            assertSame(SplicedList.unmoved(old.candidates(), i), SplicedList.unmoved(now.candidates(), i), "candidate " + i);
        }
    }
}
