package news.broadsheet.author.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.broadsheet.account.Account;
import news.broadsheet.account.Accounts;
import news.broadsheet.account.StaffPrincipal;
import news.broadsheet.author.Author;
import news.broadsheet.author.AuthorDetails;
import news.broadsheet.author.AuthorRefusedException;
import news.broadsheet.author.Authors;
import news.broadsheet.media.ImageRejectedException;
import news.broadsheet.media.ImageUpload;
import news.broadsheet.media.MediaLibrary;
import news.broadsheet.media.StoredImage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The newsroom's Authors screen under {@code /admin/authors} (editors and admins, see the security
 * rules): create and edit bylines, link each to the account that writes as it, give it a photo
 * from the media library, retire it or merge it into another. Refusals answer 422 with what was
 * typed kept; every change is audited by the facade.
 */
@Controller
class AuthorAdminController {

    private final Authors authors;
    private final Accounts accounts;
    private final MediaLibrary media;
    private final TransactionTemplate transaction;

    AuthorAdminController(Authors authors, Accounts accounts, MediaLibrary media, TransactionTemplate transaction) {
        this.authors = authors;
        this.accounts = accounts;
        this.media = media;
        this.transaction = transaction;
    }

    @GetMapping("/admin/authors")
    String list(@RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("page", listPage(AuthorForm.blank(), Map.of(), done == null ? null : "Saved.", null));
        return "admin/author/list";
    }

    @PostMapping("/admin/authors")
    String create(
            @AuthenticationPrincipal StaffPrincipal staff,
            @ModelAttribute AuthorForm form,
            HttpServletResponse response,
            Model model) {
        try {
            Author created = transaction.execute(status -> {
                Author author = authors.create(form.details(null), staff.actor());
                Long account = form.account();
                return account == null ? author : authors.linkAccount(author.id(), account, staff.actor());
            });
            return "redirect:/admin/authors/" + created.id() + "/edit?done=created";
        } catch (AuthorRefusedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "page",
                    listPage(
                            form,
                            e.errors(),
                            null,
                            "The byline was not created. Please correct the fields marked below."));
            return "admin/author/list";
        }
    }

    @GetMapping("/admin/authors/{id}/edit")
    String edit(@PathVariable long id, @RequestParam(required = false) @Nullable String done, Model model) {
        Author author = existing(id);
        model.addAttribute("page", editPage(author, AuthorForm.of(author), Map.of(), notice(done), null));
        return "admin/author/edit";
    }

    @PostMapping("/admin/authors/{id}")
    String save(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @ModelAttribute AuthorForm form,
            HttpServletResponse response,
            Model model) {
        Author author = existing(id);
        try {
            transaction.executeWithoutResult(status -> {
                authors.update(id, form.details(author.imageId()), staff.actor());
                authors.linkAccount(id, form.account(), staff.actor());
            });
            return "redirect:/admin/authors/" + id + "/edit?done=saved";
        } catch (AuthorRefusedException e) {
            return refused(existing(id), form, e, response, model);
        }
    }

    @PostMapping("/admin/authors/{id}/photo")
    String uploadPhoto(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(name = "image", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String altText,
            @RequestParam(defaultValue = "") String credit,
            HttpServletResponse response,
            Model model)
            throws IOException {
        Author author = existing(id);
        try {
            if (file == null || file.isEmpty()) {
                throw AuthorRefusedException.of("image", "Choose an image file to upload.");
            }
            String filename = file.getOriginalFilename();
            StoredImage image = media.store(
                    new ImageUpload(filename == null ? "upload" : filename, file.getBytes(), altText, "", credit),
                    staff.accountId());
            authors.update(id, AuthorDetails.of(author).withImage(image.id()), staff.actor());
            return "redirect:/admin/authors/" + id + "/edit?done=photo";
        } catch (ImageRejectedException e) {
            response.setStatus(
                    e.reason() == ImageRejectedException.Reason.TOO_LARGE
                            ? HttpStatus.CONTENT_TOO_LARGE.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(
                    "page",
                    editPage(
                            author,
                            AuthorForm.of(author),
                            Map.of(e.field(), e.getMessage()),
                            null,
                            "The photo was not added: " + e.getMessage()));
            return "admin/author/edit";
        } catch (AuthorRefusedException e) {
            return refused(author, AuthorForm.of(author), e, response, model);
        }
    }

    @PostMapping("/admin/authors/{id}/photo/remove")
    String removePhoto(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id) {
        Author author = existing(id);
        authors.update(id, AuthorDetails.of(author).withImage(null), staff.actor());
        return "redirect:/admin/authors/" + id + "/edit?done=photo";
    }

    @PostMapping("/admin/authors/{id}/retire")
    String retire(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id) {
        existing(id);
        authors.retire(id, staff.actor());
        return "redirect:/admin/authors/" + id + "/edit?done=retired";
    }

    @PostMapping("/admin/authors/{id}/restore")
    String restore(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long id) {
        existing(id);
        authors.restore(id, staff.actor());
        return "redirect:/admin/authors/" + id + "/edit?done=restored";
    }

    @PostMapping("/admin/authors/{id}/merge")
    String merge(
            @AuthenticationPrincipal StaffPrincipal staff,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String survivorId,
            HttpServletResponse response,
            Model model) {
        Author author = existing(id);
        try {
            if (!survivorId.strip().matches("[1-9][0-9]{0,17}")) {
                throw AuthorRefusedException.of("survivorId", "Choose the byline to merge into.");
            }
            Author survivor = authors.merge(id, Long.parseLong(survivorId.strip()), staff.actor());
            return "redirect:/admin/authors/" + survivor.id() + "/edit?done=merged";
        } catch (AuthorRefusedException e) {
            return refused(author, AuthorForm.of(author), e, response, model);
        }
    }

    private String refused(
            Author author, AuthorForm form, AuthorRefusedException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        String general = e.errors().get("");
        model.addAttribute(
                "page",
                editPage(
                        author,
                        form,
                        e.errors(),
                        null,
                        general != null ? general : "Nothing was changed. Please correct the fields marked below."));
        return "admin/author/edit";
    }

    /** A byline that exists and was not merged away; anything else is a 404. */
    private Author existing(long id) {
        return authors.byId(id)
                .filter(a -> !a.merged())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No byline " + id));
    }

    private AuthorsPage listPage(
            AuthorForm form, Map<String, String> errors, @Nullable String notice, @Nullable String problem) {
        Map<Long, Account> byId = new java.util.HashMap<>();
        accounts.all().forEach(a -> byId.put(a.id(), a));
        List<AuthorsPage.Row> rows = new ArrayList<>();
        for (Author author : authors.all()) {
            Account account = author.accountId() == null ? null : byId.get(author.accountId());
            rows.add(new AuthorsPage.Row(
                    author.id(),
                    author.name(),
                    author.jobTitle(),
                    author.slug(),
                    author.retired() ? "Retired" : "In use",
                    account == null ? null : account.displayName() + " (" + account.username() + ")",
                    "/admin/authors/" + author.id() + "/edit",
                    author.url()));
        }
        return new AuthorsPage(rows, fields(form), accountOptions(form), errors, notice, problem);
    }

    private AuthorEditPage editPage(
            Author author,
            AuthorForm form,
            Map<String, String> errors,
            @Nullable String notice,
            @Nullable String problem) {
        StoredImage image =
                author.imageId() == null ? null : media.byId(author.imageId()).orElse(null);
        String base = "/admin/authors/" + author.id();
        List<AuthorsPage.Option> survivors = authors.active().stream()
                .filter(a -> a.id() != author.id())
                .map(a -> new AuthorsPage.Option(a.id(), a.name() + " (/author/" + a.slug() + ")", false))
                .toList();
        return new AuthorEditPage(
                "Byline: " + author.name(),
                author.id(),
                fields(form),
                accountOptions(form),
                image == null
                        ? null
                        : new AuthorEditPage.Photo(
                                image.url(), image.srcset(), image.width(), image.height(), image.altText()),
                author.retired(),
                survivors,
                author.url(),
                base,
                base + "/photo",
                base + "/photo/remove",
                base + "/retire",
                base + "/restore",
                base + "/merge",
                errors,
                notice,
                problem);
    }

    private List<AuthorsPage.Option> accountOptions(AuthorForm form) {
        List<AuthorsPage.Option> options = new ArrayList<>();
        options.add(new AuthorsPage.Option(0, "(no account)", form.account() == null));
        for (Account account : accounts.all()) {
            options.add(new AuthorsPage.Option(
                    account.id(),
                    account.displayName() + " (" + account.username() + ")",
                    form.hasAccount(account.id())));
        }
        return options;
    }

    private static AuthorsPage.Fields fields(AuthorForm form) {
        List<String> v = form.values();
        return new AuthorsPage.Fields(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6));
    }

    private static @Nullable String notice(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "Byline created.";
            case "saved" -> "Saved.";
            case "photo" -> "Photo updated.";
            case "retired" -> "Retired: no longer offered for new stories. Its page and stories stay.";
            case "restored" -> "Offered for new stories again.";
            case "merged" ->
                "Merged: the stories of the other byline are now under this one, and its address redirects here.";
            default -> null;
        };
    }
}
