package news.broadsheet.account;

/** Creates a newsroom account with a first password the user should change. */
public record CreateAccount(String username, String displayName, String email, Role role, String password) {}
