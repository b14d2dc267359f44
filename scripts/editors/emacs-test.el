;;; emacs-test.el --- run by scripts/editors-e2e.sh -*- lexical-binding: t -*-
;; emacs --batch -l <README snippet> -l emacs-test.el, in a workspace holding journal.md and
;; experiments.md. Checks what a user sees, through eglot, and exits with 0 when all of it holds.

(require 'eglot)
(require 'markdown-mode)
(require 'flymake)
(require 'xref)

(defvar logbook-failures 0)
(defun logbook-check (ok what)
  (princ (format "%s %s\n" (if ok "ok  " "FAIL") what))
  (unless ok (setq logbook-failures (1+ logbook-failures))))
(defun logbook-wait (predicate seconds)
  "Let the server talk until PREDICATE holds or SECONDS pass."
  (let ((end (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) end))
      (accept-process-output nil 0.1))
    (funcall predicate)))

;; A batch Emacs asks nothing: take the server's edits as a user who confirms them would.
(setq eglot-confirm-server-initiated-edits nil)

(find-file (expand-file-name "journal.md"))
(logbook-check (derived-mode-p 'markdown-mode) "journal.md opens in markdown-mode")
;; eglot-ensure (from the README's hook) connects after the next command; run that moment.
(run-hooks 'post-command-hook)
(logbook-check (logbook-wait (lambda () (and (eglot-current-server) (eglot--managed-mode))) 30)
               "the README snippet started logbook-ls and eglot manages the buffer")
(defvar logbook-server (eglot-current-server))

(logbook-check (logbook-wait (lambda () (flymake-diagnostics)) 30)
               (format "diagnostics arrive: %s"
                       (mapconcat (lambda (d) (flymake-diagnostic-text d)) (flymake-diagnostics) " | ")))

(goto-char (point-min))
(search-forward "[e0001]")
(goto-char (+ (match-beginning 0) 2))
(let* ((capf (eglot-completion-at-point))
       (table (and capf (nth 2 capf)))
       (candidates (and table (all-completions "" table))))
  (logbook-check (member "e0001" candidates)
                 (format "completion after \"[e\" offers e0001 (defined in experiments.md): %s" candidates)))

(goto-char (1+ (point)))
(let ((journal (current-buffer)))
  (condition-case failure
      (call-interactively #'xref-find-definitions)
    (error (princ (format "xref failed: %S\n" failure))))
  (logbook-check (string-match-p "experiments\\.md\\'" (or (buffer-file-name) ""))
                 (format "go to definition of [e0001] opens %s" (buffer-file-name)))
  (switch-to-buffer journal))

(let* ((wrong (save-excursion (goto-char (point-min)) (search-forward "20nd") (match-beginning 0)))
       (actions (jsonrpc-request logbook-server :textDocument/codeAction
                                 (list :textDocument (eglot--TextDocumentIdentifier)
                                       :range (list :start (eglot--pos-to-lsp-position wrong)
                                                    :end (eglot--pos-to-lsp-position (+ wrong 4)))
                                       :context (list :diagnostics [] :only ["quickfix"]))))
       (fix (seq-find (lambda (action) (plist-get action :edit)) actions)))
  (logbook-check fix (format "a quick fix is offered for \"20nd\": %s" (and fix (plist-get fix :title))))
  (when fix
    (eglot--apply-workspace-edit (plist-get fix :edit))
    (logbook-check (and (save-excursion (goto-char (point-min)) (search-forward "20th Nov" nil t))
                        (not (save-excursion (goto-char (point-min)) (search-forward "20nd" nil t))))
                   "applying it writes \"20th\"")))

(eglot-execute-command logbook-server 'logbook.newEntry (vector (eglot--path-to-uri (buffer-file-name))))
(logbook-check (logbook-wait (lambda () (save-excursion (goto-char (point-min)) (re-search-forward "^## .*\\[e0004\\]" nil t))) 20)
               (format "today's entry is inserted with the next free ID: %s"
                       (save-excursion (goto-char (point-min))
                                       (and (re-search-forward "^## .*\\[e0004\\].*$" nil t) (match-string 0)))))
(logbook-check (save-excursion (goto-char (point-min)) (search-forward (format-time-string "%Y") nil t))
               "in the logbook's own date style, this year")

(ignore-errors (eglot-shutdown logbook-server))
(kill-emacs (if (= logbook-failures 0) 0 1))
