package uz.karvon.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlCleanerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            <t>a & b</t>                         | <t>a &amp; b</t>
            <t>&nbsp;&mdash;&laquo;</t>          | <t>&#160;&#8212;&#171;</t>
            <t>&NotEqualTilde;</t>               | <t>&#8770;&#824;</t>
            <t>&amp;&lt;&gt;&quot;&apos;</t>     | <t>&amp;&lt;&gt;&quot;&apos;</t>
            <t>&unknownthing;</t>                | <t>&amp;unknownthing;</t>
            <t>&#0;&#x1B;&#xFFFE;&#65;&#x1F600;</t> | <t>&#65;&#x1F600;</t>
            <t>&#;&#x;&#12</t>                   | <t>&amp;#;&amp;#x;&amp;#12</t>
            <t><![CDATA[a & b &nbsp;]]></t>      | <t><![CDATA[a & b &nbsp;]]></t>
            <t><!-- a & b --></t>                | <t><!-- a & b --></t>
            junk <br> <?xml version="1.0"?><t/>  | <t/>
            <?xml version="1.0"?><!DOCTYPE t [<!ENTITY e "boom"><!ENTITY f SYSTEM "file:///etc/passwd">]><t>&e;&f;x</t> | <t>x</t>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://x/rss-0.91.dtd"><rss/> | <rss/>
            """)
    void repairs(String in, String expected) {
        assertThat(XmlCleaner.clean(in).xml()).isEqualTo(expected);
    }

    @Test
    void dropsIllegalRawCharactersAndLoneSurrogates() {
        String in = "<t>a\u0000b\u0001c\u000Bd\u001Be\uFFFEf\uD800g\uD83D\uDE00\t\n</t>";
        assertThat(XmlCleaner.clean(in).xml()).isEqualTo("<t>abcdefg\uD83D\uDE00\t\n</t>");
    }

    @Test
    void doctypeWithQuotedBracketsAndGtIsCutWhole() {
        XmlCleaner.Cleaned c = XmlCleaner.clean("<!DOCTYPE r [<!ENTITY a \"]>\"><!ENTITY b 'x>'>]><r>&a;&b;ok</r>");
        assertThat(c.xml()).isEqualTo("<r>ok</r>");
        assertThat(c.doctypeRemoved()).isTrue();
        assertThat(c.declaredEntities()).isEqualTo(2);
    }
}
