// Referral links: "Copy" puts the link on the clipboard (or selects it where the clipboard is not
// allowed) and says so next to the button.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var input = document.getElementById(button.getAttribute('data-copy'));
  if (!input) {
    return;
  }
  var said = document.getElementById(button.getAttribute('data-copy') + '-said');
  function done(text) {
    button.setAttribute('data-copied', 'true');
    if (said) {
      said.textContent = text;
    }
  }
  input.focus();
  input.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(
      function () { done('Copied'); },
      function () { done(document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C'); });
  } else {
    done(document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C');
  }
});
