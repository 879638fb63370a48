package news.broadsheet.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small WordPress export of our own writing, for the importer's tests. Every name carries the
 * given key, so several imports into one database never meet.
 */
final class WxrFixture {

    private WxrFixture() {}

    static String site(String key) {
        return "https://" + key + ".example.org/blog";
    }

    /** The export; {@code larger} adds a post and a comment, as a later export of the same site would. */
    static String xml(String key, boolean larger) {
        String site = site(key);
        String extraPost = !larger ? "" : """
                <item>
                <title>A later post</title>
                <link>%1$s/2026/02/01/later-%2$s/</link>
                <pubDate>Sun, 01 Feb 2026 09:00:00 +0000</pubDate>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <guid isPermaLink="false">%1$s/?p=108</guid>
                <content:encoded><![CDATA[Written after the first export.]]></content:encoded>
                <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>108</wp:post_id>
                <wp:post_date_gmt>2026-02-01 09:00:00</wp:post_date_gmt>
                <wp:comment_status>open</wp:comment_status>
                <wp:post_name>later-%2$s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_parent>0</wp:post_parent>
                <wp:post_type>post</wp:post_type>
                <category domain="category" nicename="harbour-%2$s"><![CDATA[Harbour]]></category>
                </item>
                """.formatted(site, key);
        String extraComment = !larger ? "" : """
                <wp:comment>
                <wp:comment_id>506</wp:comment_id>
                <wp:comment_author><![CDATA[Late Reader]]></wp:comment_author>
                <wp:comment_author_email>late@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-01-09 10:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[A comment that came after the first export.]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                """;
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0"
                    xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    xmlns:content="http://purl.org/rss/1.0/modules/content/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <title>The Harbour Gazette</title>
                <link>%1$s</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_site_url>%1$s</wp:base_site_url>
                <wp:base_blog_url>%1$s</wp:base_blog_url>
                <wp:author><wp:author_id>1</wp:author_id><wp:author_login>ana</wp:author_login><wp:author_email>ana-%2$s@example.org</wp:author_email><wp:author_display_name><![CDATA[Ana Harbourmaster]]></wp:author_display_name><wp:author_first_name>Ana</wp:author_first_name><wp:author_last_name>H</wp:author_last_name></wp:author>
                <wp:author><wp:author_id>2</wp:author_id><wp:author_login>ben</wp:author_login><wp:author_email></wp:author_email><wp:author_display_name><![CDATA[Ben Tides]]></wp:author_display_name><wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name></wp:author>
                <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>harbour-%2$s</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Harbour]]></wp:cat_name><wp:category_description><![CDATA[Boats & <b>tides</b>]]></wp:category_description></wp:category>
                <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>moorings-%2$s</wp:category_nicename><wp:category_parent>harbour-%2$s</wp:category_parent><wp:cat_name><![CDATA[Moorings]]></wp:cat_name><wp:category_description></wp:category_description></wp:category>
                <wp:tag><wp:term_id>5</wp:term_id><wp:tag_slug>gulls-%2$s</wp:tag_slug><wp:tag_name><![CDATA[Gulls %2$s]]></wp:tag_name></wp:tag>
                <wp:tag><wp:term_id>6</wp:term_id><wp:tag_slug>unused-%2$s</wp:tag_slug><wp:tag_name><![CDATA[Unused %2$s]]></wp:tag_name></wp:tag>
                <item>
                <title>Photo of the quay</title>
                <link>%1$s/quay-photo/</link>
                <guid isPermaLink="false">%1$s/wp-content/uploads/2026/01/quay.png</guid>
                <wp:post_id>110</wp:post_id>
                <wp:post_date_gmt>2026-01-04 08:00:00</wp:post_date_gmt>
                <wp:status>inherit</wp:status>
                <wp:post_parent>101</wp:post_parent>
                <wp:post_type>attachment</wp:post_type>
                <excerpt:encoded><![CDATA[The quay at dawn]]></excerpt:encoded>
                <wp:attachment_url>%1$s/wp-content/uploads/2026/01/quay.png</wp:attachment_url>
                <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[2026/01/quay.png]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Fishing boats tied up at the quay]]></wp:meta_value></wp:postmeta>
                </item>
                <item>
                <title>Lost chart</title>
                <link>%1$s/lost-chart/</link>
                <wp:post_id>111</wp:post_id>
                <wp:status>inherit</wp:status>
                <wp:post_parent>101</wp:post_parent>
                <wp:post_type>attachment</wp:post_type>
                <wp:attachment_url>%1$s/wp-content/uploads/2026/01/chart.png</wp:attachment_url>
                </item>
                <item>
                <title>Storm closes the &lt;harbour&gt; mouth</title>
                <link>%1$s/2026/01/05/storm-%2$s/</link>
                <pubDate>Mon, 05 Jan 2026 07:30:00 +0000</pubDate>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <guid isPermaLink="false">%1$s/?p=101</guid>
                <content:encoded><![CDATA[The harbour master closed the mouth at dawn.
                Boats waited outside.

                [caption id="attachment_110" align="alignnone" width="300"]<img src="%1$s/wp-content/uploads/2026/01/quay.png" alt="The quay" width="300" height="200" /> The quay before the storm[/caption]

                [gallery ids="110,111"]

                [embed]https://video.example.net/watch/42[/embed]

                See the note [footnote]tides were high[/footnote] and <script>alert(1)</script>this.]]></content:encoded>
                <excerpt:encoded><![CDATA[<p>A <em>storm</em> shut the harbour.</p>]]></excerpt:encoded>
                <wp:post_id>101</wp:post_id>
                <wp:post_date>2026-01-05 08:30:00</wp:post_date>
                <wp:post_date_gmt>2026-01-05 07:30:00</wp:post_date_gmt>
                <wp:comment_status>open</wp:comment_status>
                <wp:post_name>storm-%2$s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_parent>0</wp:post_parent>
                <wp:post_type>post</wp:post_type>
                <category domain="category" nicename="moorings-%2$s"><![CDATA[Moorings]]></category>
                <category domain="post_tag" nicename="gulls-%2$s"><![CDATA[Gulls %2$s]]></category>
                <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>110</wp:meta_value></wp:postmeta>
                <wp:comment>
                <wp:comment_id>502</wp:comment_id>
                <wp:comment_author><![CDATA[Second Reader]]></wp:comment_author>
                <wp:comment_author_email>second@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-01-05 10:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[A reply that comes first in the file.]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>501</wp:comment_parent>
                </wp:comment>
                <wp:comment>
                <wp:comment_id>501</wp:comment_id>
                <wp:comment_author><![CDATA[First Reader]]></wp:comment_author>
                <wp:comment_author_email>first-reader@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-01-05 09:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[<p>Glad everyone is safe.</p>]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                <wp:comment>
                <wp:comment_id>503</wp:comment_id>
                <wp:comment_author><![CDATA[Spammer]]></wp:comment_author>
                <wp:comment_author_email>spam@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-01-05 11:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Cheap boats here]]></wp:comment_content>
                <wp:comment_approved>spam</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                <wp:comment>
                <wp:comment_id>504</wp:comment_id>
                <wp:comment_author><![CDATA[Waiting Reader]]></wp:comment_author>
                <wp:comment_author_email>waiting@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-01-05 12:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Held for moderation.]]></wp:comment_content>
                <wp:comment_approved>0</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                <wp:comment>
                <wp:comment_id>505</wp:comment_id>
                <wp:comment_author><![CDATA[Binned]]></wp:comment_author>
                <wp:comment_date_gmt>2026-01-05 13:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Thrown away.]]></wp:comment_content>
                <wp:comment_approved>trash</wp:comment_approved>
                <wp:comment_type></wp:comment_type>
                <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                %3$s
                </item>
                <item>
                <title>Tide tables, drafted</title>
                <link>%1$s/?p=102</link>
                <dc:creator><![CDATA[ben]]></dc:creator>
                <guid isPermaLink="false">%1$s/?p=102</guid>
                <content:encoded><![CDATA[<!-- wp:paragraph -->
                <p>High water at six.</p>
                <!-- /wp:paragraph -->

                <!-- wp:embed {"url":"https:\\/\\/maps.example.net\\/harbour","type":"rich"} -->
                <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
                https://maps.example.net/harbour
                </div><figcaption>The harbour map</figcaption></figure>
                <!-- /wp:embed -->

                <!-- wp:latest-posts /-->]]></content:encoded>
                <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                <wp:post_id>102</wp:post_id>
                <wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
                <wp:comment_status>closed</wp:comment_status>
                <wp:post_name></wp:post_name>
                <wp:status>draft</wp:status>
                <wp:post_type>post</wp:post_type>
                <category domain="category" nicename="harbour-%2$s"><![CDATA[Harbour]]></category>
                </item>
                <item>
                <title>Regatta next month</title>
                <link>%1$s/2099/06/01/regatta-%2$s/</link>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <content:encoded><![CDATA[Sails up.]]></content:encoded>
                <wp:post_id>103</wp:post_id>
                <wp:post_date_gmt>2099-06-01 10:00:00</wp:post_date_gmt>
                <wp:post_name>regatta-%2$s</wp:post_name>
                <wp:status>future</wp:status>
                <wp:post_type>post</wp:post_type>
                </item>
                <item>
                <title>Awaiting the editor</title>
                <dc:creator><![CDATA[ben]]></dc:creator>
                <content:encoded><![CDATA[Please check.]]></content:encoded>
                <wp:post_id>104</wp:post_id>
                <wp:status>pending</wp:status>
                <wp:post_type>post</wp:post_type>
                </item>
                <item>
                <title>Private musings</title>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <content:encoded><![CDATA[Only for us.]]></content:encoded>
                <wp:post_id>105</wp:post_id>
                <wp:post_date_gmt>2026-01-02 10:00:00</wp:post_date_gmt>
                <wp:status>private</wp:status>
                <wp:post_type>post</wp:post_type>
                </item>
                <item>
                <title>Binned post</title>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <content:encoded><![CDATA[Gone.]]></content:encoded>
                <wp:post_id>106</wp:post_id>
                <wp:status>trash</wp:status>
                <wp:post_type>post</wp:post_type>
                </item>
                <item>
                <title>About the Gazette</title>
                <link>%1$s/about-%2$s/</link>
                <dc:creator><![CDATA[ana]]></dc:creator>
                <content:encoded><![CDATA[We write about the harbour.]]></content:encoded>
                <wp:post_id>107</wp:post_id>
                <wp:post_date_gmt>2025-12-01 10:00:00</wp:post_date_gmt>
                <wp:post_name>about-%2$s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_type>page</wp:post_type>
                </item>
                <item>
                <title>Menu link</title>
                <wp:post_id>109</wp:post_id>
                <wp:status>publish</wp:status>
                <wp:post_type>nav_menu_item</wp:post_type>
                </item>
                %4$s
                </channel>
                </rss>
                """.formatted(site, key, extraComment, extraPost);
    }

    /**
     * An export in Broadsheet's own dialect, as {@code export-wordpress} writes it, carrying what
     * WordPress has no field for: two bylines in order, an extra section, search title and
     * description, embargo and expiry, corrections, a featured comment with an exact time, and a
     * Markdown page in the footer with its description.
     */
    static String broadsheetXml(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0"
                    xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    xmlns:content="http://purl.org/rss/1.0/modules/content/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <title>The Estuary Post</title>
                <link>https://%1$s.example.org</link>
                <wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_site_url>https://%1$s.example.org</wp:base_site_url>
                <wp:base_blog_url>https://%1$s.example.org</wp:base_blog_url>
                <wp:author><wp:author_id>1</wp:author_id><wp:author_login>rua-%1$s</wp:author_login><wp:author_email></wp:author_email><wp:author_display_name><![CDATA[Rua Fenwick]]></wp:author_display_name><wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name></wp:author>
                <wp:author><wp:author_id>2</wp:author_id><wp:author_login>odile-%1$s</wp:author_login><wp:author_email></wp:author_email><wp:author_display_name><![CDATA[Odile Marsh]]></wp:author_display_name><wp:author_first_name></wp:author_first_name><wp:author_last_name></wp:author_last_name></wp:author>
                <wp:category><wp:term_id>7</wp:term_id><wp:category_nicename>estuary-%1$s</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Estuary]]></wp:cat_name><wp:category_description><![CDATA[]]></wp:category_description></wp:category>
                <wp:category><wp:term_id>8</wp:term_id><wp:category_nicename>wildlife-%1$s</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Wildlife]]></wp:cat_name><wp:category_description><![CDATA[]]></wp:category_description></wp:category>
                <item>
                <title>Seals return to the sandbank</title>
                <link>https://%1$s.example.org/estuary-%1$s/seals-%1$s</link>
                <dc:creator><![CDATA[rua-%1$s]]></dc:creator>
                <guid isPermaLink="false">https://%1$s.example.org/?p=31</guid>
                <content:encoded><![CDATA[<p>Counted at low tide.</p>]]></content:encoded>
                <excerpt:encoded><![CDATA[Forty grey seals were counted on Sunday.]]></excerpt:encoded>
                <wp:post_id>31</wp:post_id>
                <wp:post_date_gmt>2026-03-01 06:00:00</wp:post_date_gmt>
                <wp:comment_status>open</wp:comment_status>
                <wp:post_name>seals-%1$s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_type>post</wp:post_type>
                <category domain="category" nicename="estuary-%1$s"><![CDATA[Estuary]]></category>
                <category domain="category" nicename="wildlife-%1$s"><![CDATA[Wildlife]]></category>
                <wp:postmeta><wp:meta_key>_broadsheet_markdown</wp:meta_key><wp:meta_value><![CDATA[Counted at **low tide** by volunteers.]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_status</wp:meta_key><wp:meta_value><![CDATA[published]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_section</wp:meta_key><wp:meta_value><![CDATA[estuary-%1$s]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_extra_section</wp:meta_key><wp:meta_value><![CDATA[wildlife-%1$s]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_byline</wp:meta_key><wp:meta_value><![CDATA[odile-%1$s]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_byline</wp:meta_key><wp:meta_value><![CDATA[rua-%1$s]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_created_at</wp:meta_key><wp:meta_value><![CDATA[2026-02-28T17:05:00.250Z]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_updated_at</wp:meta_key><wp:meta_value><![CDATA[2026-03-02T09:00:00Z]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_published_at</wp:meta_key><wp:meta_value><![CDATA[2026-03-01T06:00:00.500Z]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_embargo_until</wp:meta_key><wp:meta_value><![CDATA[2035-06-01T07:00:00Z]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_expires_at</wp:meta_key><wp:meta_value><![CDATA[2036-03-01T00:00:00Z]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_seo_title</wp:meta_key><wp:meta_value><![CDATA[Grey seals back on the estuary sandbank]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_seo_description</wp:meta_key><wp:meta_value><![CDATA[Volunteers counted forty seals.]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_correction</wp:meta_key><wp:meta_value><![CDATA[{"kind":"correction","text":"An earlier version gave the count as fourteen.","publishedAt":"2026-03-02T08:00:00Z"}]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_correction</wp:meta_key><wp:meta_value><![CDATA[{"kind":"update","text":"Photographs added.","publishedAt":"2026-03-02T09:00:00Z"}]]></wp:meta_value></wp:postmeta>
                <wp:comment>
                <wp:comment_id>71</wp:comment_id>
                <wp:comment_author><![CDATA[Tide Watcher]]></wp:comment_author>
                <wp:comment_author_email>watcher@example.net</wp:comment_author_email>
                <wp:comment_date_gmt>2026-03-01 08:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[I counted forty-one from the sea wall.]]></wp:comment_content>
                <wp:comment_approved>1</wp:comment_approved>
                <wp:comment_type>comment</wp:comment_type>
                <wp:comment_parent>0</wp:comment_parent>
                <wp:commentmeta><wp:meta_key>_broadsheet_posted_at</wp:meta_key><wp:meta_value><![CDATA[2026-03-01T08:00:00.125Z]]></wp:meta_value></wp:commentmeta>
                <wp:commentmeta><wp:meta_key>_broadsheet_featured</wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:commentmeta>
                </wp:comment>
                </item>
                <item>
                <title>How we report wildlife</title>
                <link>https://%1$s.example.org/wildlife-policy-%1$s</link>
                <dc:creator><![CDATA[rua-%1$s]]></dc:creator>
                <guid isPermaLink="false">https://%1$s.example.org/?page_id=32</guid>
                <content:encoded><![CDATA[<p>We never disturb animals.</p>]]></content:encoded>
                <excerpt:encoded><![CDATA[Our rules for reporting on wild animals.]]></excerpt:encoded>
                <wp:post_id>32</wp:post_id>
                <wp:post_date_gmt>2026-01-10 12:00:00</wp:post_date_gmt>
                <wp:post_name>wildlife-policy-%1$s</wp:post_name>
                <wp:status>publish</wp:status>
                <wp:post_type>page</wp:post_type>
                <wp:postmeta><wp:meta_key>_broadsheet_markdown</wp:meta_key><wp:meta_value><![CDATA[We **never** disturb animals to get a picture.]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_status</wp:meta_key><wp:meta_value><![CDATA[published]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_in_footer</wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_footer_position</wp:meta_key><wp:meta_value><![CDATA[4]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key>_broadsheet_published_at</wp:meta_key><wp:meta_value><![CDATA[2026-01-10T12:00:00Z]]></wp:meta_value></wp:postmeta>
                </item>
                </channel>
                </rss>
                """.formatted(key);
    }

    static Path write(Path dir, String name, String xml) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
