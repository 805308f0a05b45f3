;;; emacs-test.el --- Kafka Lint in a real Emacs with eglot  -*- lexical-binding: t; -*-

;; Started by test/editors/run.mjs as
;;   emacs --batch -q -l <the README's snippet> -l test/editors/emacs-test.el
;; It opens files of the workspace copy with `find-file' (so the README's mode hooks call `eglot-ensure'),
;; waits for the diagnostics eglot hands to Flymake, asks ElDoc's documentation functions for the hover,
;; and writes one result per check to $KAFKA_LINT_EDITOR_RESULTS (JSON), then exits.

(require 'json)
(require 'flymake)
(require 'cl-lib)
(require 'subr-x)

(defvar kl-workspace (or (getenv "KAFKA_LINT_EDITOR_WORKSPACE") (error "KAFKA_LINT_EDITOR_WORKSPACE is not set")))
(defvar kl-results-file (or (getenv "KAFKA_LINT_EDITOR_RESULTS") (error "KAFKA_LINT_EDITOR_RESULTS is not set")))
(defvar kl-timeout (/ (string-to-number (or (getenv "KAFKA_LINT_EDITOR_TIMEOUT_MS") "30000")) 1000.0))
(defvar kl-results nil)

(defun kl-wait-for (what predicate)
  "Process input until PREDICATE returns non-nil (returned), or fail after `kl-timeout' seconds with WHAT."
  (let ((deadline (+ (float-time) kl-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (or value (error "Timed out after %ss waiting for %s" kl-timeout what))))

(defmacro kl-check (name &rest body)
  "Run BODY as the check NAME and record whether it passed."
  (declare (indent 1))
  `(let ((started (float-time)))
     (condition-case err
         (progn ,@body
                (push (list (cons 'name (format "emacs %s, eglot %s: %s" emacs-version kl-eglot-version ,name))
                            (cons 'ok t) (cons 'ms (round (* 1000 (- (float-time) started)))))
                      kl-results))
       (error (push (list (cons 'name (format "emacs %s, eglot %s: %s" emacs-version kl-eglot-version ,name))
                          (cons 'ok :json-false) (cons 'detail (error-message-string err))
                          (cons 'ms (round (* 1000 (- (float-time) started)))))
                    kl-results)))))

(defvar kl-eglot-version
  (or (when-let ((file (locate-library "eglot.el")))
        (with-temp-buffer
          (insert-file-contents file)
          (when (re-search-forward "^;; Version: \\([0-9.]+\\)" nil t) (match-string 1))))
      "?"))

(defun kl-open (relative)
  "Visit RELATIVE in the workspace as `C-x C-f' does, then run what the command loop and redisplay run after
a command. Batch mode has neither: `eglot-ensure' connects from `post-command-hook', and Flymake starts in
a buffer that was not yet shown from `window-configuration-change-hook'."
  (let ((buffer (find-file (expand-file-name relative kl-workspace))))
    (run-hooks 'post-command-hook)
    (run-window-configuration-change-hook)
    (kl-wait-for (format "eglot to manage %s" relative) (lambda () (with-current-buffer buffer (eglot-managed-p))))
    buffer))

(defun kl-diagnostic-keys (buffer)
  "The Flymake diagnostics of BUFFER as \"TEXT-PREFIX@LINE:COL-LINE:COL\" (1-based lines, 0-based columns)."
  (with-current-buffer buffer
    (sort (mapcar (lambda (d)
                    (let ((text (flymake-diagnostic-text d)))
                      (format "%s@%s-%s"
                              (if (string-match "\\`\\([^:]*\\):" text) (match-string 1 text) text)
                              (kl-position (flymake-diagnostic-beg d))
                              (kl-position (flymake-diagnostic-end d)))))
                  (flymake-diagnostics))
          #'string<)))

(defun kl-position (pos)
  (save-excursion (goto-char pos) (format "%d:%d" (line-number-at-pos) (current-column))))

(defun kl-expect-diagnostics (relative expected)
  "Visit RELATIVE and wait until Flymake shows every key of EXPECTED (see `kl-diagnostic-keys')."
  (let ((buffer (kl-open relative)))
    (condition-case nil
        (kl-wait-for "diagnostics" (lambda () (null (cl-set-difference expected (kl-diagnostic-keys buffer) :test #'string=))))
      (error (error "%s: expected %S among the Flymake diagnostics, Emacs shows %S" relative expected (kl-diagnostic-keys buffer))))
    buffer))

(kl-check "eglot starts kafka-lint-lsp --stdio from the README's snippet"
  (let ((buffer (kl-open "consumer.properties")))
    (with-current-buffer buffer
      (unless (eq major-mode 'conf-javaprop-mode) (error "major mode is %s" major-mode))
      (let ((contact (process-command (jsonrpc--process (eglot-current-server)))))
        (unless (equal (last contact 2) '("kafka-lint-lsp" "--stdio")) (error "server command %S" contact))))))

(kl-check "Flymake shows the rule on a consumer .properties"
  (kl-expect-diagnostics "consumer.properties" '("kafka-lint [consumer/auto-commit-enabled]@6:19-6:23")))

(kl-check "Flymake shows the rules on a Java producer"
  (kl-expect-diagnostics "src/main/java/shop/OrderProducer.java"
                         '("kafka-lint [producer/acks-zero]@12:46-12:49"
                           "kafka-lint [producer/unhandled-send]@14:12-14:76")))

(kl-check "ElDoc's hover on acks=0 explains the producer stage and the safe value"
  (let ((buffer (kl-expect-diagnostics "producer.properties" '("kafka-lint [producer/acks-zero]@5:5-5:6")))
        (docs nil))
    (with-current-buffer buffer
      (goto-char (point-min))
      (forward-line 4)
      (forward-char 1)
      ;; What ElDoc does when point rests on `acks': call each documentation function with a callback.
      (run-hook-wrapped 'eldoc-documentation-functions
                        (lambda (fn) (funcall fn (lambda (doc &rest _) (when (stringp doc) (push doc docs)) t)) nil))
      (kl-wait-for "a hover from ElDoc" (lambda () (cl-some (lambda (d) (string-match-p "acks" d)) docs)))
      (let ((hover (mapconcat #'substring-no-properties docs "\n")))
        (unless (string-match-p "Producer" hover) (error "hover does not name the producer stage: %s" hover))
        (unless (string-match-p "acks=all" hover) (error "hover does not give the safe value: %s" hover))))))

(kl-check "M-x eglot-code-actions on acks=0, choosing \"Set acks=all\", leaves acks=all"
  (let* ((buffer (kl-expect-diagnostics "producer.properties" '("kafka-lint [producer/acks-zero]@5:5-5:6")))
         (before (with-current-buffer buffer (buffer-string)))
         (offered nil))
    (with-current-buffer buffer
      (goto-char (point-min))
      (forward-line 4)
      (forward-char 5)
      ;; Invoked from the keyboard (M-x), eglot asks with `completing-read': the user picks the fix.
      (let ((last-nonmenu-event ?\r)
            (completing-read-function (lambda (_prompt collection &rest _)
                                        (setq offered (all-completions "" collection))
                                        "Set acks=all")))
        (call-interactively #'eglot-code-actions))
      (unless (member "Set acks=all" offered) (error "offered: %S" offered))
      (kl-wait-for "acks=all in the buffer"
                   (lambda () (save-excursion (goto-char (point-min)) (forward-line 4)
                                              (looking-at-p "acks=all$"))))
      (let ((expected (replace-regexp-in-string "^acks=0$" "acks=all" before)))
        (unless (equal (buffer-string) expected) (error "the fix changed more than the value: %S" (buffer-string))))
      (set-buffer-modified-p nil))))

(with-temp-file kl-results-file
  (insert (json-encode (vconcat (reverse kl-results)))))
(ignore-errors (eglot-shutdown-all))
(kill-emacs 0)

;;; emacs-test.el ends here
