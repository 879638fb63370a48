package news.broadsheet.account;

/** Creates a newsroom account without a password and e-mails its user a link to choose one. */
public record InviteAccount(String username, String displayName, String email, Role role) {}
