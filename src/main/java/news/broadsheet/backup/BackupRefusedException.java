package news.broadsheet.backup;

/** A backup or restore that would overwrite something, or cannot be taken now; the message says why. */
public class BackupRefusedException extends RuntimeException {

    public BackupRefusedException(String message) {
        super(message);
    }
}
